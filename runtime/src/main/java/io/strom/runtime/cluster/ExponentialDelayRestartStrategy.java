package io.strom.runtime.cluster;

import io.strom.configuration.Configuration;
import io.strom.configuration.RestartStrategyOptions;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The strategy that restarts with a wait that grows by a factor after each failure, up to a
 * maximum, with some jitter; a job that ran long enough without failing starts again from the
 * initial wait. Fails the job once the allowed attempts since the last reset are used up.
 */
final class ExponentialDelayRestartStrategy implements RestartStrategy {
  private final long initialMillis;
  private final long maxMillis;
  private final double multiplier;
  private final long resetThresholdMillis;
  private final double jitter;
  private final int attempts;
  private long currentMillis;
  private long lastFailureMillis = -1;
  private int restartsSinceReset;
  private long delayMillis;

  ExponentialDelayRestartStrategy(
      Duration initial,
      Duration max,
      double multiplier,
      Duration resetThreshold,
      double jitter,
      int attempts) {
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          RestartStrategyOptions.EXPONENTIAL_MAX_BACKOFF.key() + " must not be below "
              + RestartStrategyOptions.EXPONENTIAL_INITIAL_BACKOFF.key());
    }
    if (multiplier < 1) {
      throw new IllegalArgumentException(
          RestartStrategyOptions.EXPONENTIAL_BACKOFF_MULTIPLIER.key() + " must be at least 1");
    }
    if (jitter < 0 || jitter > 1) {
      throw new IllegalArgumentException(
          RestartStrategyOptions.EXPONENTIAL_JITTER_FACTOR.key() + " must be within [0, 1]");
    }
    this.initialMillis = initial.toMillis();
    this.maxMillis = max.toMillis();
    this.multiplier = multiplier;
    this.resetThresholdMillis = resetThreshold.toMillis();
    this.jitter = jitter;
    this.attempts = attempts;
    this.currentMillis = initialMillis;
  }

  static ExponentialDelayRestartStrategy from(Configuration c) {
    return new ExponentialDelayRestartStrategy(
        c.get(RestartStrategyOptions.EXPONENTIAL_INITIAL_BACKOFF),
        c.get(RestartStrategyOptions.EXPONENTIAL_MAX_BACKOFF),
        c.get(RestartStrategyOptions.EXPONENTIAL_BACKOFF_MULTIPLIER),
        c.get(RestartStrategyOptions.EXPONENTIAL_RESET_BACKOFF_THRESHOLD),
        c.get(RestartStrategyOptions.EXPONENTIAL_JITTER_FACTOR),
        c.get(RestartStrategyOptions.EXPONENTIAL_ATTEMPTS));
  }

  @Override
  public boolean onFailure() {
    long now = System.currentTimeMillis();
    if (lastFailureMillis >= 0 && now - lastFailureMillis >= resetThresholdMillis) {
      currentMillis = initialMillis;
      restartsSinceReset = 0;
    } else if (lastFailureMillis >= 0) {
      currentMillis = Math.min(maxMillis, (long) (currentMillis * multiplier));
    }
    lastFailureMillis = now;
    if (restartsSinceReset >= attempts) {
      return false;
    }
    restartsSinceReset++;
    long spread = (long) (currentMillis * jitter);
    long offset = spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(-spread, spread + 1);
    delayMillis = Math.max(0, Math.min(maxMillis, currentMillis + offset));
    return true;
  }

  @Override
  public Duration nextDelay() {
    return Duration.ofMillis(delayMillis);
  }
}
