package io.strom.runtime.sql.lookup;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.FunctionContext;
import io.strom.configuration.Configuration;
import io.strom.runtime.metrics.MetricGroup;

/**
 * What a {@link LookupFunction} gets when its lookup join's subtask opens.
 *
 * @param configuration the job's configuration
 * @param metrics the metrics of the lookup join's subtask
 * @param functions what generated code run by the function (projections, filters) opens with
 */
public record LookupContext(
    Configuration configuration, MetricGroup metrics, FunctionContext functions) {
  public LookupContext {
    requireNonNull(configuration, "configuration");
    requireNonNull(metrics, "metrics");
    requireNonNull(functions, "functions");
  }
}
