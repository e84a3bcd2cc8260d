package io.strom.planner.config;

import io.strom.configuration.Configuration;
import io.strom.planner.ValidationException;
import io.strom.runtime.sql.agg.MiniBatch;

/** Reads the mini-batch settings of a session into what the aggregation operators take. */
public final class MiniBatchConfig {
  private MiniBatchConfig() {}

  /**
   * The mini-batch group aggregations use, or null when {@code table.exec.mini-batch.enabled} is
   * off.
   *
   * @throws ValidationException when mini-batch is on without a positive latency and size
   */
  public static MiniBatch of(Configuration settings) {
    if (!settings.get(TableConfigOptions.MINI_BATCH_ENABLED)) {
      return null;
    }
    long latency = settings.get(TableConfigOptions.MINI_BATCH_ALLOW_LATENCY).toMillis();
    long size = settings.get(TableConfigOptions.MINI_BATCH_SIZE);
    if (latency <= 0) {
      throw new ValidationException("'" + TableConfigOptions.MINI_BATCH_ENABLED.key() + "' is true,"
          + " so '" + TableConfigOptions.MINI_BATCH_ALLOW_LATENCY.key() + "' must be greater than"
          + " zero, e.g. SET '" + TableConfigOptions.MINI_BATCH_ALLOW_LATENCY.key() + "' = '5 s'");
    }
    if (size <= 0) {
      throw new ValidationException("'" + TableConfigOptions.MINI_BATCH_ENABLED.key() + "' is true,"
          + " so '" + TableConfigOptions.MINI_BATCH_SIZE.key() + "' must be positive, e.g. SET '"
          + TableConfigOptions.MINI_BATCH_SIZE.key() + "' = '5000'");
    }
    return new MiniBatch(size, latency);
  }
}
