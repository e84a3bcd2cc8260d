package io.strom.api.eventtime;

/** Where a {@link WatermarkGenerator} sends watermarks and its idleness. */
public interface WatermarkOutput {
  /** Emits a watermark; one that does not advance the current watermark is ignored. */
  void emitWatermark(long watermark);

  /** Declares the input idle: it holds back no watermark until it emits again. */
  void markIdle();

  /** Declares the input active again (emitting a watermark does so implicitly). */
  void markActive();
}
