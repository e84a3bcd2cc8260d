package io.strom.connector.nexmark;

import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the event numbers into one interleaved split per reader (reader {@code i} of {@code p}
 * gets {@code i, i + p, i + 2p, ...}) and hands each reader its split when it registers. Restored
 * from a checkpoint, it hands out only the splits no reader had taken, spread over the readers by
 * index.
 */
final class NexmarkSplitEnumerator implements SplitEnumerator<NexmarkSplit> {
  private final SplitEnumeratorContext<NexmarkSplit> context;
  /** Split {@code i} goes to reader {@code i % parallelism}; null once assigned. */
  private final List<NexmarkSplit> splits;

  NexmarkSplitEnumerator(
      SplitEnumeratorContext<NexmarkSplit> context, List<NexmarkSplit> unassigned) {
    this.context = context;
    this.splits = new ArrayList<>(unassigned);
  }

  /** One split per reader over event numbers {@code [0, end)}; empty splits are left out. */
  static List<NexmarkSplit> cut(long end, int parallelism) {
    List<NexmarkSplit> result = new ArrayList<>(parallelism);
    for (int i = 0; i < parallelism; i++) {
      if (i < end) {
        result.add(new NexmarkSplit(Integer.toString(i), i, end, parallelism));
      }
    }
    return result;
  }

  @Override
  public void start() {}

  @Override
  public void addReader(int subtask) {
    List<NexmarkSplit> mine = new ArrayList<>();
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
  public List<NexmarkSplit> snapshotState(long checkpointId) {
    List<NexmarkSplit> unassigned = new ArrayList<>();
    for (NexmarkSplit split : splits) {
      if (split != null) {
        unassigned.add(split);
      }
    }
    return unassigned;
  }
}
