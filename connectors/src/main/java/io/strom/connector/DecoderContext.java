package io.strom.connector;

import static java.util.Objects.requireNonNull;

import io.strom.runtime.metrics.Counter;
import io.strom.runtime.metrics.MetricGroup;

/**
 * What a {@link RowDecoder} gets from the reader it runs in.
 *
 * @param metrics the reader subtask's metrics
 */
public record DecoderContext(MetricGroup metrics) {
  /** The counter of malformed records dropped because {@code ignore-parse-errors} is set. */
  public static final String DROPPED_RECORDS_METRIC = "numRecordsDroppedMalformed";

  public DecoderContext {
    requireNonNull(metrics, "metrics");
  }

  /** The counter {@value #DROPPED_RECORDS_METRIC}. */
  public Counter droppedRecords() {
    return metrics.counter(DROPPED_RECORDS_METRIC);
  }
}
