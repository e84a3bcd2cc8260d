package io.strom.runtime.source.lib;

import io.strom.runtime.source.SourceSplit;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out a list of splits known up front: split {@code i} goes to reader {@code i %
 * parallelism} when that reader registers, and there are no more splits after that. Restored from
 * a checkpoint, it is given only the splits no reader had taken and spreads them the same way, so
 * a source restored at another parallelism still hands every split out exactly once.
 */
public final class FixedSplitsEnumerator<S extends SourceSplit> implements SplitEnumerator<S> {
  private final SplitEnumeratorContext<S> context;
  /** Null once assigned. */
  private final List<S> splits;

  public FixedSplitsEnumerator(SplitEnumeratorContext<S> context, List<S> unassigned) {
    this.context = context;
    this.splits = new ArrayList<>(unassigned);
  }

  @Override
  public void start() {}

  @Override
  public void addReader(int subtask) {
    List<S> mine = new ArrayList<>();
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
  public List<S> snapshotState(long checkpointId) {
    List<S> unassigned = new ArrayList<>();
    for (S split : splits) {
      if (split != null) {
        unassigned.add(split);
      }
    }
    return unassigned;
  }
}
