package io.strom.api.eventtime;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Wraps a generator and declares the input idle when no event arrived for a while, so a quiet
 * input does not hold back the watermark of the whole job.
 */
public final class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
  private final WatermarkGenerator<T> delegate;
  private final long idleTimeoutNanos;
  private final LongSupplier nanoClock;
  private long lastEventNanos;
  private boolean idle;

  public WatermarksWithIdleness(WatermarkGenerator<T> delegate, Duration idleTimeout) {
    this(delegate, idleTimeout, System::nanoTime);
  }

  /** With an explicit clock, for tests that must not wait on real time. */
  public WatermarksWithIdleness(
      WatermarkGenerator<T> delegate, Duration idleTimeout, LongSupplier nanoClock) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("Idle timeout must be positive: " + idleTimeout);
    }
    this.delegate = delegate;
    this.idleTimeoutNanos = idleTimeout.toNanos();
    this.nanoClock = nanoClock;
    this.lastEventNanos = nanoClock.getAsLong();
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    lastEventNanos = nanoClock.getAsLong();
    if (idle) {
      idle = false;
      output.markActive();
    }
    delegate.onEvent(event, eventTimestamp, output);
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (idle) {
      return;
    }
    if (nanoClock.getAsLong() - lastEventNanos >= idleTimeoutNanos) {
      idle = true;
      output.markIdle();
    } else {
      delegate.onPeriodicEmit(output);
    }
  }
}
