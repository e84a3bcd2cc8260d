package io.strom.runtime.source.lib;

import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts {@code [from, to)} into one split per reader and gives each reader its own when it
 * registers; there are no more splits after that. Restored from a checkpoint, it hands out only
 * the splits no reader had taken, spread over the readers by index.
 */
final class IndexRangeEnumerator implements SplitEnumerator<IndexRangeSplit> {
  private final SplitEnumeratorContext<IndexRangeSplit> context;
  // Split i goes to reader i % parallelism; null once assigned.
  private final List<IndexRangeSplit> splits;

  IndexRangeEnumerator(SplitEnumeratorContext<IndexRangeSplit> context, long from, long to) {
    this.context = context;
    this.splits = cut(from, to, context.parallelism());
  }

  private IndexRangeEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context, List<IndexRangeSplit> unassigned) {
    this.context = context;
    this.splits = new ArrayList<>(unassigned);
  }

  /** An enumerator that assigns only the splits a checkpoint found unassigned. */
  static IndexRangeEnumerator restored(
      SplitEnumeratorContext<IndexRangeSplit> context, List<IndexRangeSplit> unassigned) {
    return new IndexRangeEnumerator(context, unassigned);
  }

  /** Even ranges; the first ones get one more index when the count does not divide. */
  static List<IndexRangeSplit> cut(long from, long to, int parts) {
    List<IndexRangeSplit> result = new ArrayList<>(parts);
    if (to == Long.MAX_VALUE) {
      // Endless: split i generates indexes i, i + parts, i + 2 * parts, ... (see readers).
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

  @Override
  public void start() {}

  @Override
  public void addReader(int subtask) {
    List<IndexRangeSplit> mine = new ArrayList<>();
    for (int i = subtask; i < splits.size(); i += context.parallelism()) {
      if (splits.get(i) != null) {
        mine.add(splits.get(i));
        splits.set(i, null);
      }
    }
    if (!mine.isEmpty()) {
      context.assignSplits(subtask, mine);
    }
    context.signalNoMoreSplits(subtask);
  }

  @Override
  public List<IndexRangeSplit> snapshotState(long checkpointId) {
    List<IndexRangeSplit> unassigned = new ArrayList<>();
    for (IndexRangeSplit split : splits) {
      if (split != null) {
        unassigned.add(split);
      }
    }
    return unassigned;
  }
}
