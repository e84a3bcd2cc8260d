package io.strom.connector.nexmark;

import io.strom.data.Row;
import io.strom.runtime.source.InputStatus;
import io.strom.runtime.source.ReaderOutput;
import io.strom.runtime.source.SourceOutput;
import io.strom.runtime.source.SourceReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the events of its splits, a batch per poll. A reader normally holds one split; after
 * a restore at a lower parallelism it may hold several, endless ones among them, so it takes a
 * batch from each in turn. Its checkpoint is its splits moved to the next event, so a restore continues exactly.
 *
 * <p>Called only on the task's thread.
 */
final class NexmarkSourceReader implements SourceReader<Row, NexmarkSplit> {
  private static final int BATCH = 1024;

  private final NexmarkGenerator generator;
  /** Null when emitting as fast as possible. */
  private final EmissionPacer pacer;
  private final EventKindFilter kinds;

  private final ArrayDeque<Cursor> cursors = new ArrayDeque<>();
  private boolean noMoreSplits;

  NexmarkSourceReader(NexmarkGenerator generator, EmissionPacer pacer) {
    this(generator, pacer, EventKindFilter.ALL);
  }

  /** A reader that skips the events of kinds {@code kinds} does not accept. */
  NexmarkSourceReader(NexmarkGenerator generator, EmissionPacer pacer, EventKindFilter kinds) {
    this.generator = generator;
    this.pacer = pacer;
    this.kinds = kinds;
  }

  /** A split being read: where it is, and the output its watermarks are tracked on. */
  private static final class Cursor {
    final NexmarkSplit split;
    long next;
    SourceOutput<Row> output;

    Cursor(NexmarkSplit split) {
      this.split = split;
      this.next = split.next();
    }
  }

  @Override
  public InputStatus pollNext(ReaderOutput<Row> output) throws Exception {
    Cursor cursor = cursors.poll();
    if (cursor == null) {
      return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
    }
    if (cursor.output == null) {
      cursor.output = output.forSplit(cursor.split.id());
    }
    int batch = pacer == null ? BATCH : pacer.acquire(BATCH);
    long end = cursor.split.end();
    int stride = cursor.split.stride();
    long next = cursor.next;
    boolean all = kinds.acceptsAll();
    NexmarkConfig config = generator.config();
    // A batch counts the events passed over too, so pacing and batches follow event time.
    for (int i = 0; i < batch && next < end; i++) {
      if (all || kinds.accepts(NexmarkIds.kindOf(config, next))) {
        cursor.output.collect(generator.generate(next));
      }
      // An endless split stops just short of overflowing.
      next = next > end - stride ? end : next + stride;
    }
    cursor.next = next;
    if (next >= end) {
      output.releaseSplit(cursor.split.id());
    } else {
      cursors.add(cursor);
    }
    return InputStatus.MORE_AVAILABLE;
  }

  @Override
  public void addSplits(List<NexmarkSplit> splits) {
    for (NexmarkSplit split : splits) {
      if (!split.isDone()) {
        cursors.add(new Cursor(split));
      }
    }
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
  }

  @Override
  public List<NexmarkSplit> snapshotState(long checkpointId) {
    List<NexmarkSplit> held = new ArrayList<>(cursors.size());
    for (Cursor cursor : cursors) {
      NexmarkSplit split = cursor.split;
      held.add(new NexmarkSplit(split.id(), cursor.next, split.end(), split.stride()));
    }
    return held;
  }
}
