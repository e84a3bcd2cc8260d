package io.strom.datastream.windowing.assigners;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** Checks the sizes and offsets given to window assigners and turns them into milliseconds. */
final class WindowArguments {
  private WindowArguments() {}

  static long positiveMillis(Duration duration, String what) {
    requireNonNull(duration, what);
    long millis = duration.toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException(
          "The window " + what + " must be at least 1 ms, was " + duration);
    }
    return millis;
  }

  /** An offset shifts window starts away from the epoch; it must be shorter than the period. */
  static long offsetMillis(Duration offset, long period, String periodName) {
    requireNonNull(offset, "offset");
    long millis = offset.toMillis();
    if (Math.abs(millis) >= period) {
      throw new IllegalArgumentException(
          "The window offset must be shorter than the "
              + periodName
              + " ("
              + period
              + " ms), was "
              + offset);
    }
    return millis;
  }

  /** Event-time windows need timestamps; explains where they come from. */
  static long requireTimestamp(long timestamp, Object assigner) {
    if (timestamp == Long.MIN_VALUE) {
      throw new IllegalStateException(
          assigner
              + " got an element without a timestamp. Event-time windows"
              + " need event timestamps: call assignTimestampsAndWatermarks(WatermarkStrategy...)"
              + " before keyBy(...), or use a source that assigns them, or use a processing-time"
              + " window assigner.");
    }
    return timestamp;
  }
}
