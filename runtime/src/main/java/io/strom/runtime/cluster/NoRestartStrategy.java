package io.strom.runtime.cluster;

import java.time.Duration;

/** The strategy that never restarts: the first failure fails the job. */
final class NoRestartStrategy implements RestartStrategy {
  @Override
  public boolean onFailure() {
    return false;
  }

  @Override
  public Duration nextDelay() {
    return Duration.ZERO;
  }
}
