package io.strom.datastream.windowing.assigners;

import io.strom.datastream.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the sliding windows of a timestamp and remembers the last list, so that consecutive
 * elements in the same windows allocate nothing. Used on one thread only.
 */
final class SlidingWindowCache {
  private final long size;
  private final long slide;
  private final long offset;
  private long cachedLastStart;
  private long cachedFirstStart;
  private List<TimeWindow> cached;

  SlidingWindowCache(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  /** The windows containing {@code timestamp}, latest start first. */
  List<TimeWindow> windowsOf(long timestamp) {
    long lastStart = TimeWindow.windowStart(timestamp, offset, slide);
    // The earliest window containing the timestamp starts on the first slide after ts - size;
    // when size is not a multiple of slide, the count depends on where in the slide ts falls.
    long firstStart = TimeWindow.windowStart(timestamp - size, offset, slide) + slide;
    if (cached == null || lastStart != cachedLastStart || firstStart != cachedFirstStart) {
      List<TimeWindow> windows = new ArrayList<>();
      for (long start = lastStart; start >= firstStart; start -= slide) {
        windows.add(new TimeWindow(start, start + size));
      }
      cached = List.copyOf(windows);
      cachedLastStart = lastStart;
      cachedFirstStart = firstStart;
    }
    return cached;
  }
}
