package io.strom.runtime.tasks;

import io.strom.runtime.checkpoint.CheckpointBarrier;
import java.util.ArrayList;
import java.util.List;

/**
 * The barriers of an at-least-once task's input channels: no channel ever waits, and a checkpoint's
 * snapshot is taken when its barrier has arrived on every open channel. Several checkpoints may be
 * in flight at once ({@code execution.checkpointing.max-concurrent-checkpoints}), so each is
 * counted apart: a fast channel may already deliver barrier n+1 while a slow one still brings n.
 * Barriers arrive on a channel in checkpoint order, so once n is taken every older checkpoint
 * still counted has lost a barrier upstream (it was aborted there) and is dropped; the coordinator
 * subsumes it when a newer one completes. A finished channel counts as having delivered every
 * barrier.
 *
 * <p>Called only on the task's thread.
 */
final class BarrierTracker {
  private final BarrierAligner.Listener listener;
  private final boolean[] finished;
  /** The checkpoints whose barriers arrived on some channels but not all, oldest first. */
  private final List<Pending> pending = new ArrayList<>(2);
  private long latestTaken = -1;

  BarrierTracker(int channels, BarrierAligner.Listener listener) {
    this.listener = listener;
    this.finished = new boolean[channels];
  }

  void processBarrier(int channel, CheckpointBarrier barrier) throws Exception {
    long id = barrier.checkpointId();
    if (id <= latestTaken || finished[channel]) {
      return;
    }
    int at = 0;
    while (at < pending.size() && pending.get(at).barrier.checkpointId() < id) {
      at++;
    }
    Pending checkpoint;
    if (at < pending.size() && pending.get(at).barrier.checkpointId() == id) {
      checkpoint = pending.get(at);
    } else {
      checkpoint = new Pending(barrier, finished);
      pending.add(at, checkpoint);
    }
    checkpoint.arrived(channel);
    takeCompleted();
  }

  /** The channel ended; it no longer holds any checkpoint back. */
  void processEndOfPartition(int channel) throws Exception {
    if (finished[channel]) {
      return;
    }
    finished[channel] = true;
    for (Pending checkpoint : pending) {
      checkpoint.arrived(channel);
    }
    takeCompleted();
  }

  /**
   * Takes the snapshot of every checkpoint whose barrier arrived on all open channels, oldest
   * first, and drops the incomplete ones older than a checkpoint taken.
   */
  private void takeCompleted() throws Exception {
    int newestComplete = -1;
    for (int i = 0; i < pending.size(); i++) {
      if (pending.get(i).missing == 0) {
        newestComplete = i;
      }
    }
    if (newestComplete < 0) {
      return;
    }
    List<Pending> done = new ArrayList<>(pending.subList(0, newestComplete + 1));
    pending.subList(0, newestComplete + 1).clear();
    for (Pending checkpoint : done) {
      if (checkpoint.missing == 0) {
        latestTaken = checkpoint.barrier.checkpointId();
        listener.onBarrierAligned(checkpoint.barrier);
      }
    }
  }

  /** A checkpoint whose barrier some open channels have not delivered yet. */
  private static final class Pending {
    final CheckpointBarrier barrier;
    final boolean[] received;
    int missing;

    Pending(CheckpointBarrier barrier, boolean[] finished) {
      this.barrier = barrier;
      this.received = finished.clone();
      for (boolean f : finished) {
        missing += f ? 0 : 1;
      }
    }

    void arrived(int channel) {
      if (!received[channel]) {
        received[channel] = true;
        missing--;
      }
    }
  }
}
