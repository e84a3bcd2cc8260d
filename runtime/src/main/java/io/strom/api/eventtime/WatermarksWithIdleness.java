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
  /** When the input was last seen quiet: creation, or the last periodic check after events. */
  private long quietSinceNanos;
  private boolean eventsSinceLastCheck;
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
    this.quietSinceNanos = nanoClock.getAsLong();
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    eventsSinceLastCheck = true;
    if (idle) {
      idle = false;
      output.markActive();
    }
    delegate.onEvent(event, eventTimestamp, output);
  }

  /**
   * Idleness is measured from the first periodic check that finds no new events, as in Flink: a
   * check that follows events always emits their watermark first, so an input whose last events
   * came longer than the timeout before the check (a burst read at once, then nothing) still
   * advances event time before it turns idle.
   */
  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    if (idle) {
      return;
    }
    long now = nanoClock.getAsLong();
    if (eventsSinceLastCheck) {
      eventsSinceLastCheck = false;
      quietSinceNanos = now;
    } else if (now - quietSinceNanos >= idleTimeoutNanos) {
      idle = true;
      output.markIdle();
      return;
    }
    delegate.onPeriodicEmit(output);
  }
}
