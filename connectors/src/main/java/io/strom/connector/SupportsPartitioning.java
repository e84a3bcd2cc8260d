package io.strom.connector;

import java.util.Map;

/**
 * A sink that writes a {@code PARTITIONED BY} table partition by partition. The planner calls
 * {@link #applyStaticPartition} for {@code INSERT ... PARTITION (k = v, ...)} before it creates the
 * runtime sink; the rows it writes then have these values in those columns.
 */
public interface SupportsPartitioning {

  /**
   * The partition columns the statement fixes, with their values as written (e.g. {@code dt ->
   * 2024-01-01}), in the order of {@code PARTITIONED BY}; empty when every partition is dynamic.
   *
   * @throws ConnectorException when a value does not fit its column
   */
  void applyStaticPartition(Map<String, String> partition);
}
