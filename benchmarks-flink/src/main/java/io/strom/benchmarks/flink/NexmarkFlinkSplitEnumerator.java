package io.strom.benchmarks.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands reader {@code i} split {@code i} when it registers, then tells it no more splits come:
 * the same assignment as Strom's enumerator. Called only on Flink's enumerator thread.
 */
final class NexmarkFlinkSplitEnumerator
    implements SplitEnumerator<NexmarkFlinkSplit, List<NexmarkFlinkSplit>> {
  private final SplitEnumeratorContext<NexmarkFlinkSplit> context;
  /** Split {@code i} goes to reader {@code i % parallelism}; null once assigned. */
  private final List<NexmarkFlinkSplit> splits;

  NexmarkFlinkSplitEnumerator(
      SplitEnumeratorContext<NexmarkFlinkSplit> context, List<NexmarkFlinkSplit> unassigned) {
    this.context = context;
    this.splits = new ArrayList<>(unassigned);
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {}

  @Override
  public void addSplitsBack(List<NexmarkFlinkSplit> returned, int subtaskId) {
    splits.addAll(returned);
  }

  @Override
  public void addReader(int subtaskId) {
    for (int i = subtaskId; i < splits.size(); i += context.currentParallelism()) {
      if (splits.get(i) != null) {
        context.assignSplit(splits.get(i), subtaskId);
        splits.set(i, null);
      }
    }
    context.signalNoMoreSplits(subtaskId);
  }

  @Override
  public List<NexmarkFlinkSplit> snapshotState(long checkpointId) {
    List<NexmarkFlinkSplit> unassigned = new ArrayList<>();
    for (NexmarkFlinkSplit split : splits) {
      if (split != null) {
        unassigned.add(split);
      }
    }
    return unassigned;
  }

  @Override
  public void close() {}
}
