package io.strom.runtime.cluster;

import io.strom.configuration.Configuration;
import io.strom.configuration.RestartStrategyOptions;
import java.time.Duration;
import java.util.Locale;

/**
 * Decides whether a failed job restarts, and after how long. One instance per job; called only on
 * the job master under its lock.
 */
interface RestartStrategy {

  /**
   * Records a failure and says whether the job restarts; when it does, {@link #nextDelay()} tells
   * how long to wait first.
   */
  boolean onFailure();

  /** The wait before the restart {@link #onFailure()} granted last. */
  Duration nextDelay();

  /**
   * The strategy a job's configuration chooses; unset means exponential-delay when checkpointing
   * is enabled, else none (as in Flink).
   *
   * @throws IllegalArgumentException for an unknown or unsupported type
   */
  static RestartStrategy from(Configuration configuration, boolean checkpointing) {
    String type = configuration.get(RestartStrategyOptions.TYPE);
    if (type == null) {
      type = checkpointing ? "exponential-delay" : "none";
    }
    switch (type.trim().toLowerCase(Locale.ROOT)) {
      case "none":
      case "off":
      case "disable":
        return new NoRestartStrategy();
      case "fixed-delay":
      case "fixeddelay":
        return new FixedDelayRestartStrategy(
            configuration.get(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS),
            configuration.get(RestartStrategyOptions.FIXED_DELAY_DELAY));
      case "exponential-delay":
      case "exponentialdelay":
        return ExponentialDelayRestartStrategy.from(configuration);
      default:
        throw new IllegalArgumentException(
            "Unknown " + RestartStrategyOptions.TYPE.key() + " '" + type + "': Strom supports"
                + " none, fixed-delay and exponential-delay");
    }
  }
}
