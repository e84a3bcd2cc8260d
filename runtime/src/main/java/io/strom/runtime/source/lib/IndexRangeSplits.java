package io.strom.runtime.source.lib;

import java.util.ArrayList;
import java.util.List;

/** Cuts an index range into one {@link IndexRangeSplit} per reader. */
final class IndexRangeSplits {
  private IndexRangeSplits() {}

  /**
   * Even ranges of {@code [from, to)}; the first ones get one more index when the count does not
   * divide. An endless range ({@code to == Long.MAX_VALUE}) is interleaved instead: split {@code i}
   * generates indexes {@code i, i + parts, i + 2 * parts, ...} (see the readers).
   */
  static List<IndexRangeSplit> cut(long from, long to, int parts) {
    List<IndexRangeSplit> result = new ArrayList<>(parts);
    if (to == Long.MAX_VALUE) {
      for (int i = 0; i < parts; i++) {
        result.add(new IndexRangeSplit(Integer.toString(i), from + i, Long.MAX_VALUE, parts));
      }
      return result;
    }
    long total = to - from;
    long base = total / parts;
    long extra = total % parts;
    long start = from;
    for (int i = 0; i < parts; i++) {
      long size = base + (i < extra ? 1 : 0);
      result.add(new IndexRangeSplit(Integer.toString(i), start, start + size));
      start += size;
    }
    return result;
  }
}
