package io.strom.runtime.sql.agg;

import java.io.Serializable;

/**
 * When a mini-batch aggregation applies its buffered rows: at {@code maxRows} rows, or after
 * {@code allowLatencyMillis} ({@code table.exec.mini-batch.size} and {@code
 * table.exec.mini-batch.allow-latency}).
 */
public record MiniBatch(long maxRows, long allowLatencyMillis) implements Serializable {
  public MiniBatch {
    if (maxRows <= 0 || allowLatencyMillis <= 0) {
      throw new IllegalArgumentException("A mini-batch needs a positive size and latency, got "
          + maxRows + " rows and " + allowLatencyMillis + " ms");
    }
  }
}
