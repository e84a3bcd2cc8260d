package io.strom.datastream.windowing.assigners;

import io.strom.datastream.windowing.windows.TimeWindow;
import java.util.List;

/**
 * Computes the one tumbling window of a timestamp and remembers it, so that the common case of
 * consecutive elements in the same window allocates nothing. Used on one thread only.
 */
final class TumblingWindowCache {
  private final long size;
  private final long offset;
  private long cachedStart;
  private List<TimeWindow> cached;

  TumblingWindowCache(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  List<TimeWindow> windowOf(long timestamp) {
    long start = TimeWindow.windowStart(timestamp, offset, size);
    if (cached == null || start != cachedStart) {
      cached = List.of(new TimeWindow(start, start + size));
      cachedStart = start;
    }
    return cached;
  }
}
