package io.strom.runtime.tasks;

import io.strom.runtime.checkpoint.CheckpointBarrier;
import io.strom.runtime.network.InputGate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the checkpoint barriers of all input channels of a task (over both gates of a two-input
 * task) and starts the task's snapshot when the last one arrives.
 *
 * <p>Aligning (exactly-once): a channel that delivered barrier n is blocked at its gate — its
 * buffers stay queued, unread — until every open channel delivered n, so the snapshot sees no
 * record from after the barrier. Not aligning (at-least-once): no channel waits; the snapshot is
 * taken when the last barrier arrives, and may include records from after the barrier of faster
 * channels. Either way a finished channel counts as having delivered every barrier, and a barrier
 * of a newer checkpoint abandons an older alignment that could not complete (its checkpoint was
 * aborted).
 *
 * <p>Unaligned (priority barriers, exactly-once with {@code execution.checkpointing.unaligned}):
 * the first barrier of a checkpoint to arrive on any channel starts the snapshot at once, and the
 * gates start capturing the data still in flight ahead of the other channels' barriers (see {@link
 * io.strom.runtime.network.InputGate}); no channel is blocked. When every open channel delivered
 * its barrier the captured data is handed to the listener, which completes the checkpoint with it.
 *
 * <p>Called only on the task's thread.
 */
final class BarrierAligner {

  /** Takes the task's snapshot for a barrier that arrived on every channel. */
  interface Listener {
    void onBarrierAligned(CheckpointBarrier barrier) throws Exception;

    /** The first barrier of an unaligned checkpoint arrived: snapshot now, data in flight later. */
    default void onUnalignedBarrier(CheckpointBarrier barrier) throws Exception {
      throw new IllegalStateException(
          "Bug: an unaligned barrier reached a task that cannot take it");
    }

    /** Every channel delivered the barrier of an unaligned checkpoint; this was in flight. */
    default void onInFlightData(long checkpointId, InFlightData data) {}

    /** An unaligned checkpoint whose snapshot was taken can no longer complete here. */
    default void onInFlightAbandoned(long checkpointId) {}
  }

  private final boolean aligning;
  private final Listener listener;
  private final InputGate[] gateOfChannel;
  private final int[] localChannel;
  private final boolean[] received;
  private final boolean[] finished;
  private final List<GateReader<?>> readers = new ArrayList<>();
  private CheckpointBarrier current;
  private int missing;
  // Whether the current checkpoint is unaligned and its in-flight data is being captured.
  private boolean capturing;

  /** @param gates the task's input gates; their channels are numbered gate by gate */
  BarrierAligner(boolean aligning, List<InputGate> gates, Listener listener) {
    this.aligning = aligning;
    this.listener = listener;
    int total = gates.stream().mapToInt(InputGate::numChannels).sum();
    this.gateOfChannel = new InputGate[total];
    this.localChannel = new int[total];
    int c = 0;
    for (InputGate gate : gates) {
      for (int i = 0; i < gate.numChannels(); i++, c++) {
        gateOfChannel[c] = gate;
        localChannel[c] = i;
      }
    }
    this.received = new boolean[total];
    this.finished = new boolean[total];
  }

  /** Adds the reader of the next gate (in gate order); readers register as they are built. */
  void register(GateReader<?> reader) {
    readers.add(reader);
  }

  /** The checkpoint being aligned, or -1. */
  long pendingCheckpoint() {
    return missing > 0 && current != null ? current.checkpointId() : -1;
  }

  void processBarrier(int channel, CheckpointBarrier barrier) throws Exception {
    long id = barrier.checkpointId();
    if (current != null && id < current.checkpointId()) {
      return;
    }
    if (current == null || id > current.checkpointId()) {
      startCheckpoint(barrier);
    }
    if (received[channel] || finished[channel] || missing == 0) {
      return;
    }
    received[channel] = true;
    missing--;
    if (missing == 0) {
      releaseAll();
      listener.onBarrierAligned(barrier);
    } else if (aligning) {
      gateOfChannel[channel].blockChannel(localChannel[channel]);
    }
  }

  private void startCheckpoint(CheckpointBarrier barrier) {
    // A newer checkpoint: an unfinished alignment or capture of an older one can no longer
    // complete.
    releaseAll();
    abandonCapture();
    current = barrier;
    Arrays.fill(received, false);
    missing = 0;
    for (boolean f : finished) {
      missing += f ? 0 : 1;
    }
  }

  /**
   * The barrier of an unaligned checkpoint, which overtook the data queued on its channel. The
   * first one of a checkpoint takes the snapshot and starts capturing what is in flight.
   */
  void processPriorityBarrier(int channel, CheckpointBarrier barrier) throws Exception {
    long id = barrier.checkpointId();
    if (current != null && id < current.checkpointId()) {
      return;
    }
    if (current == null || id > current.checkpointId()) {
      startCheckpoint(barrier);
      capturing = true;
      // The snapshot and the start of the capture see the same input: nothing is read between.
      listener.onUnalignedBarrier(barrier);
      for (GateReader<?> reader : readers) {
        reader.startCapture(id);
      }
    }
    if (!capturing || received[channel] || finished[channel] || missing == 0) {
      return;
    }
    received[channel] = true;
    missing--;
    if (missing == 0) {
      completeCapture();
    }
  }

  private void completeCapture() {
    capturing = false;
    List<byte[][]> captured = new ArrayList<>();
    for (GateReader<?> reader : readers) {
      captured.add(reader.finishCapture(current.checkpointId()));
    }
    listener.onInFlightData(current.checkpointId(), InFlightData.of(readers, captured));
  }

  private void abandonCapture() {
    if (capturing) {
      capturing = false;
      readers.forEach(GateReader::abortCapture);
      listener.onInFlightAbandoned(current.checkpointId());
    }
  }

  /** The channel ended; it no longer holds an alignment back. */
  void processEndOfPartition(int channel) throws Exception {
    if (finished[channel]) {
      return;
    }
    finished[channel] = true;
    if (missing > 0 && !received[channel]) {
      missing--;
      if (missing == 0) {
        if (capturing) {
          completeCapture();
        } else {
          releaseAll();
          listener.onBarrierAligned(current);
        }
      }
    }
  }

  private void releaseAll() {
    if (!aligning) {
      return;
    }
    for (int c = 0; c < received.length; c++) {
      if (received[c]) {
        gateOfChannel[c].unblockChannel(localChannel[c]);
      }
    }
  }
}
