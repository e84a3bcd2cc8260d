package io.strom.api.eventtime;

/**
 * Derives watermarks from the event timestamps of one input (one source split, or one stream).
 *
 * <p>Called only on the task thread that owns the input.
 */
public interface WatermarkGenerator<T> {
  /** Sees every event; a punctuated generator emits here. */
  void onEvent(T event, long eventTimestamp, WatermarkOutput output);

  /** Called every {@code pipeline.auto-watermark-interval}; a periodic generator emits here. */
  void onPeriodicEmit(WatermarkOutput output);
}
