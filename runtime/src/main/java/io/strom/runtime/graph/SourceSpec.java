package io.strom.runtime.graph;

import static java.util.Objects.requireNonNull;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.runtime.source.Source;
import java.io.Serializable;

/**
 * What a source node runs: the source and how its records get timestamps and watermarks.
 *
 * @param source the source
 * @param watermarkStrategy timestamps and watermarks, applied per split
 */
public record SourceSpec<T>(Source<T, ?> source, WatermarkStrategy<T> watermarkStrategy)
    implements Serializable {
  public SourceSpec {
    requireNonNull(source, "source");
    requireNonNull(watermarkStrategy, "watermarkStrategy");
  }
}
