package io.strom.runtime.source.lib;

import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts {@code [from, to)} into one split per reader and gives each reader its own when it
 * registers; there are no more splits after that.
 */
final class IndexRangeEnumerator implements SplitEnumerator<IndexRangeSplit> {
  private final SplitEnumeratorContext<IndexRangeSplit> context;
  private final List<IndexRangeSplit> splits;

  IndexRangeEnumerator(SplitEnumeratorContext<IndexRangeSplit> context, long from, long to) {
    this.context = context;
    this.splits = cut(from, to, context.parallelism());
  }

  /** Even ranges; the first ones get one more index when the count does not divide. */
  static List<IndexRangeSplit> cut(long from, long to, int parts) {
    List<IndexRangeSplit> result = new ArrayList<>(parts);
    if (to == Long.MAX_VALUE) {
      // Endless: split i generates indexes i, i + parts, i + 2 * parts, ... (see readers).
      for (int i = 0; i < parts; i++) {
        result.add(new IndexRangeSplit(Integer.toString(i), from + i, Long.MAX_VALUE));
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

  @Override
  public void start() {}

  @Override
  public void addReader(int subtask) {
    context.assignSplits(subtask, List.of(splits.get(subtask)));
    context.signalNoMoreSplits(subtask);
  }
}
