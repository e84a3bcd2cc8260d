package io.strom.runtime.tasks;

import io.strom.runtime.checkpoint.CheckpointBarrier;
import io.strom.runtime.network.InputGate;
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
 * <p>Called only on the task's thread.
 */
final class BarrierAligner {

  /** Takes the task's snapshot for a barrier that arrived on every channel. */
  interface Listener {
    void onBarrierAligned(CheckpointBarrier barrier) throws Exception;
  }

  private final boolean aligning;
  private final Listener listener;
  private final InputGate[] gateOfChannel;
  private final int[] localChannel;
  private final boolean[] received;
  private final boolean[] finished;
  private CheckpointBarrier current;
  private int missing;

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
      // A newer checkpoint: an unfinished alignment of an older one can no longer complete.
      releaseAll();
      current = barrier;
      Arrays.fill(received, false);
      missing = 0;
      for (boolean f : finished) {
        missing += f ? 0 : 1;
      }
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

  /** The channel ended; it no longer holds an alignment back. */
  void processEndOfPartition(int channel) throws Exception {
    if (finished[channel]) {
      return;
    }
    finished[channel] = true;
    if (missing > 0 && !received[channel]) {
      missing--;
      if (missing == 0) {
        releaseAll();
        listener.onBarrierAligned(current);
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
