package io.strom.runtime.cluster;

import io.strom.configuration.RestartStrategyOptions;
import java.time.Duration;

/** The strategy that restarts a fixed number of times, waiting the same time before each. */
final class FixedDelayRestartStrategy implements RestartStrategy {
  private final int attempts;
  private final Duration delay;
  private int restarts;

  FixedDelayRestartStrategy(int attempts, Duration delay) {
    if (attempts < 0) {
      throw new IllegalArgumentException(
          RestartStrategyOptions.FIXED_DELAY_ATTEMPTS.key() + " must not be negative: " + attempts);
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException(
          RestartStrategyOptions.FIXED_DELAY_DELAY.key() + " must not be negative");
    }
    this.attempts = attempts;
    this.delay = delay;
  }

  @Override
  public boolean onFailure() {
    if (restarts >= attempts) {
      return false;
    }
    restarts++;
    return true;
  }

  @Override
  public Duration nextDelay() {
    return delay;
  }
}
