package io.strom.api.eventtime;

import java.time.Duration;

/**
 * Periodically emits the largest timestamp seen minus the allowed out-of-orderness, minus one: an
 * event that is at most that much out of order is never late.
 */
public final class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
  private final long outOfOrdernessMillis;
  private long maxTimestamp;

  public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
    if (maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException("Out-of-orderness must not be negative: " + maxOutOfOrderness);
    }
    this.outOfOrdernessMillis = maxOutOfOrderness.toMillis();
    // Start so that the first watermark is Long.MIN_VALUE, not an underflow.
    this.maxTimestamp = Long.MIN_VALUE + outOfOrdernessMillis + 1;
  }

  @Override
  public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
    if (eventTimestamp > maxTimestamp) {
      maxTimestamp = eventTimestamp;
    }
  }

  @Override
  public void onPeriodicEmit(WatermarkOutput output) {
    output.emitWatermark(maxTimestamp - outOfOrdernessMillis - 1);
  }
}
