package io.strom.benchmarks.flink;

import io.strom.connector.nexmark.NexmarkGenerator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.table.data.RowData;

/**
 * Generates the events of its splits with Strom's Nexmark generator, a batch of 1024 per poll as
 * Strom's reader does, and hands them to Flink as {@link RowData}.
 *
 * <p>Called only on the task's mailbox thread, except {@link #isAvailable()}'s future, which is
 * completed on that thread too when splits arrive.
 */
final class NexmarkFlinkSourceReader implements SourceReader<RowData, NexmarkFlinkSplit> {
  private static final int BATCH = 1024;

  private final NexmarkGenerator generator;
  private final NexmarkEventConverter converter = new NexmarkEventConverter();
  private final ArrayDeque<Cursor> cursors = new ArrayDeque<>();
  private boolean noMoreSplits;
  private CompletableFuture<Void> available = new CompletableFuture<>();

  NexmarkFlinkSourceReader(NexmarkGenerator generator) {
    this.generator = generator;
  }

  /** A split being read and the next event number in it. */
  private static final class Cursor {
    final NexmarkFlinkSplit split;
    long next;

    Cursor(NexmarkFlinkSplit split) {
      this.split = split;
      this.next = split.next();
    }
  }

  @Override
  public void start() {}

  @Override
  public InputStatus pollNext(ReaderOutput<RowData> output) {
    Cursor cursor = cursors.poll();
    if (cursor == null) {
      return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
    }
    long end = cursor.split.end();
    int stride = cursor.split.stride();
    long next = cursor.next;
    for (int i = 0; i < BATCH && next < end; i++) {
      output.collect(converter.toRowData(generator.generate(next)));
      next = next > end - stride ? end : next + stride;
    }
    cursor.next = next;
    if (next < end) {
      cursors.add(cursor);
      return InputStatus.MORE_AVAILABLE;
    }
    return cursors.isEmpty() && noMoreSplits
        ? InputStatus.END_OF_INPUT
        : InputStatus.MORE_AVAILABLE;
  }

  @Override
  public List<NexmarkFlinkSplit> snapshotState(long checkpointId) {
    List<NexmarkFlinkSplit> held = new ArrayList<>(cursors.size());
    for (Cursor cursor : cursors) {
      NexmarkFlinkSplit split = cursor.split;
      held.add(new NexmarkFlinkSplit(split.id(), cursor.next, split.end(), split.stride()));
    }
    return held;
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    return available;
  }

  @Override
  public void addSplits(List<NexmarkFlinkSplit> splits) {
    for (NexmarkFlinkSplit split : splits) {
      if (split.next() < split.end()) {
        cursors.add(new Cursor(split));
      }
    }
    signalAvailable();
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    signalAvailable();
  }

  @Override
  public void close() {}

  private void signalAvailable() {
    CompletableFuture<Void> waiting = available;
    available = new CompletableFuture<>();
    waiting.complete(null);
  }
}
