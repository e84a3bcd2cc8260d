package io.strom.runtime.source.lib;

import io.strom.runtime.source.InputStatus;
import io.strom.runtime.source.ReaderOutput;
import io.strom.runtime.source.SourceOutput;
import io.strom.runtime.source.SourceReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the element of every index of its splits, a batch per poll. An endless split steps by the
 * parallelism it was cut for, so parallel readers never repeat an index. Its checkpoint is the
 * splits it holds with the current one moved to the next index, so a restore rewinds exactly.
 */
abstract class IndexRangeReader<T> implements SourceReader<T, IndexRangeSplit> {
  private static final int BATCH = 1024;

  private final ArrayDeque<IndexRangeSplit> splits = new ArrayDeque<>();
  private final RateLimiter rateLimiter;
  private boolean noMoreSplits;
  private IndexRangeSplit current;
  private SourceOutput<T> currentOutput;
  private long next;

  IndexRangeReader(RateLimiter rateLimiter) {
    this.rateLimiter = rateLimiter;
  }

  /** The element at {@code index}. */
  protected abstract T elementAt(long index) throws Exception;

  @Override
  public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
    if (current == null) {
      current = splits.poll();
      if (current == null) {
        return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
      }
      currentOutput = output.forSplit(current.splitId());
      next = current.from();
    }
    long stride = current.step();
    int batch = rateLimiter == null ? BATCH : rateLimiter.acquire(BATCH);
    for (int i = 0; i < batch && next < current.to(); i++) {
      currentOutput.collect(elementAt(next));
      next += stride;
    }
    if (next >= current.to()) {
      output.releaseSplit(current.splitId());
      current = null;
    }
    return InputStatus.MORE_AVAILABLE;
  }

  @Override
  public void addSplits(List<IndexRangeSplit> newSplits) {
    splits.addAll(newSplits);
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
  }

  @Override
  public List<IndexRangeSplit> snapshotState(long checkpointId) {
    List<IndexRangeSplit> held = new ArrayList<>(splits.size() + 1);
    if (current != null) {
      held.add(new IndexRangeSplit(current.id(), next, current.to(), current.step()));
    }
    held.addAll(splits);
    return held;
  }
}
