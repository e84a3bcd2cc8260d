package io.strom.datastream;

import io.strom.runtime.source.Boundedness;
import io.strom.runtime.source.InputStatus;
import io.strom.runtime.source.ReaderOutput;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceOutput;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import io.strom.runtime.source.lib.FixedSplitsEnumerator;
import io.strom.runtime.source.lib.IndexRangeSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Source of one split with the numbers {@code 0 .. 2 * keys - 1}: below {@code keys} a number asks
 * to write the state of that key, from {@code keys} on to read the state of key {@code number -
 * keys}. A fresh reader stops after the writes, so that its next checkpoint holds every written
 * key, and stays idle until the job is canceled; a reader restored from that checkpoint holds the
 * split from {@code keys} on and emits the reads, then ends.
 */
final class WriteThenReadSource implements Source<Long, IndexRangeSplit> {
  private static final long serialVersionUID = 1L;

  /**
   * Opens once a checkpoint taken after the last write completed. Static: the job runs in the
   * JVM of the program that waits on it.
   */
  static final CountDownLatch WRITES_CHECKPOINTED = new CountDownLatch(1);

  private final long keys;

  WriteThenReadSource(long keys) {
    this.keys = keys;
  }

  @Override
  public Boundedness boundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<IndexRangeSplit> createEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context) {
    return new FixedSplitsEnumerator<>(context, List.of(new IndexRangeSplit("0", 0, 2 * keys)));
  }

  @Override
  public SplitEnumerator<IndexRangeSplit> restoreEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context, List<IndexRangeSplit> unassignedSplits) {
    return new FixedSplitsEnumerator<>(context, unassignedSplits);
  }

  @Override
  public SourceReader<Long, IndexRangeSplit> createReader(SourceReaderContext context) {
    return new Reader(keys);
  }

  /** Emits its split a batch per poll, pausing at the end of the writes as described above. */
  private static final class Reader implements SourceReader<Long, IndexRangeSplit> {
    private static final int BATCH = 1024;

    private final long keys;
    private final List<IndexRangeSplit> pending = new ArrayList<>();
    private boolean noMoreSplits;
    private IndexRangeSplit split;
    private SourceOutput<Long> splitOutput;
    private long next;
    /** The first checkpoint taken after the last write, or -1. */
    private long writesCheckpoint = -1;

    Reader(long keys) {
      this.keys = keys;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<Long> output) {
      if (split == null) {
        if (pending.isEmpty()) {
          return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
        }
        split = pending.remove(0);
        splitOutput = output.forSplit(split.splitId());
        next = split.from();
      }
      boolean startedWithWrites = split.from() < keys;
      if (startedWithWrites && next == keys) {
        return InputStatus.NOTHING_AVAILABLE; // only checkpoints and cancellation from here on
      }
      long end = startedWithWrites ? keys : split.to();
      for (int i = 0; i < BATCH && next < end; i++) {
        splitOutput.collect(next++);
      }
      if (next == split.to()) {
        output.releaseSplit(split.splitId());
        split = null;
      }
      return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public void addSplits(List<IndexRangeSplit> splits) {
      pending.addAll(splits);
    }

    @Override
    public void notifyNoMoreSplits() {
      noMoreSplits = true;
    }

    @Override
    public List<IndexRangeSplit> snapshotState(long checkpointId) {
      if (split == null) {
        return List.copyOf(pending);
      }
      if (next == keys && writesCheckpoint < 0) {
        writesCheckpoint = checkpointId;
      }
      List<IndexRangeSplit> held = new ArrayList<>(pending.size() + 1);
      held.add(new IndexRangeSplit(split.id(), next, split.to()));
      held.addAll(pending);
      return held;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (writesCheckpoint >= 0 && checkpointId >= writesCheckpoint) {
        WRITES_CHECKPOINTED.countDown();
      }
    }
  }
}
