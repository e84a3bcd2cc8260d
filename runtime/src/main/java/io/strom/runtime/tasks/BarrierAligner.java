package io.strom.runtime.tasks;

import static java.util.Objects.requireNonNull;

import io.strom.runtime.checkpoint.CheckpointBarrier;
import io.strom.runtime.network.InputGate;
import io.strom.runtime.time.ProcessingTimeService.ProcessingTimeCallback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Collects the checkpoint barriers of all input channels of a task (over both gates of a two-input
 * task) and starts the task's snapshot when the last one arrives.
 *
 * <p>Aligning (exactly-once): a channel that delivered barrier n is blocked at its gate — its
 * buffers stay queued, unread — until every open channel delivered n, so the snapshot sees no
 * record from after the barrier; a finished channel counts as having delivered every barrier, and
 * a barrier of a newer checkpoint abandons an older alignment that could not complete (its
 * checkpoint was aborted). Not aligning (at-least-once): no channel waits, and a {@link
 * BarrierTracker} counts each checkpoint in flight apart; a snapshot may include records from
 * after the barrier of faster channels.
 *
 * <p>Unaligned (priority barriers, exactly-once with {@code execution.checkpointing.unaligned}):
 * the first barrier of a checkpoint to arrive on any channel starts the snapshot at once, and the
 * gates start capturing the data still in flight ahead of the other channels' barriers (see {@link
 * io.strom.runtime.network.InputGate}); no channel is blocked. When every open channel delivered
 * its barrier the captured data is handed to the listener, which completes the checkpoint with it.
 *
 * <p>Aligned, then unaligned ({@code execution.checkpointing.aligned-checkpoint-timeout} above 0,
 * see {@link AlignmentTimeout}): a checkpoint aligns until it is older than the timeout, counted
 * from its trigger, then turns unaligned here: the snapshot is taken at once, the channels that
 * delivered their barrier are released, and the data ahead of the barriers of the others is
 * captured as in-flight data. It also turns unaligned when a barrier of it arrives as a priority
 * event (an upstream task turned it unaligned). Savepoints always align.
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

  /** Runs a callback on the task's thread after a delay. */
  interface AlignmentTimer {
    void schedule(long delayMillis, ProcessingTimeCallback callback);
  }

  /**
   * When an aligning checkpoint turns unaligned: once {@code timeoutMillis} passed since it was
   * triggered, by {@code clock} (milliseconds, the clock of the checkpoint's timestamps).
   */
  record AlignmentTimeout(long timeoutMillis, LongSupplier clock, AlignmentTimer timer) {
    AlignmentTimeout {
      if (timeoutMillis <= 0) {
        throw new IllegalArgumentException("Alignment timeout must be positive: " + timeoutMillis);
      }
      requireNonNull(clock, "clock");
      requireNonNull(timer, "timer");
    }
  }

  private final AlignmentTimeout alignmentTimeout;
  private final Listener listener;
  private final InputGate[] gateOfChannel;
  private final int[] localChannel;
  private final boolean[] received;
  private final boolean[] finished;
  private final List<GateReader<?>> readers = new ArrayList<>();
  /** The barriers of an at-least-once task, or null when aligning. */
  private final BarrierTracker tracker;
  private CheckpointBarrier current;
  private int missing;
  // Whether the current checkpoint is unaligned and its in-flight data is being captured.
  private boolean capturing;

  /** @param gates the task's input gates; their channels are numbered gate by gate */
  BarrierAligner(boolean aligning, List<InputGate> gates, Listener listener) {
    this(aligning, null, gates, listener);
  }

  /**
   * @param alignmentTimeout when an aligning checkpoint turns unaligned, or null for never
   * @param gates the task's input gates; their channels are numbered gate by gate
   */
  BarrierAligner(
      boolean aligning, AlignmentTimeout alignmentTimeout, List<InputGate> gates,
      Listener listener) {
    this.alignmentTimeout = alignmentTimeout;
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
    this.tracker = aligning ? null : new BarrierTracker(total, listener);
  }

  /** Adds the reader of the next gate (in gate order); readers register as they are built. */
  void register(GateReader<?> reader) {
    readers.add(reader);
  }

  void processBarrier(int channel, CheckpointBarrier barrier) throws Exception {
    if (tracker != null) {
      tracker.processBarrier(channel, barrier);
      return;
    }
    long id = barrier.checkpointId();
    if (current != null && id < current.checkpointId()) {
      return;
    }
    boolean first = current == null || id > current.checkpointId();
    if (first) {
      startCheckpoint(barrier);
    }
    if (received[channel] || finished[channel] || missing == 0) {
      return;
    }
    received[channel] = true;
    missing--;
    if (missing == 0) {
      completeCheckpoint();
    } else if (!capturing) {
      gateOfChannel[channel].blockChannel(localChannel[channel]);
      if (first) {
        startAlignmentTimeout(barrier);
      }
    }
  }

  /** Every open channel delivered the current checkpoint's barrier. */
  private void completeCheckpoint() throws Exception {
    if (capturing) {
      completeCapture();
    } else {
      releaseAll();
      listener.onBarrierAligned(current);
    }
  }

  /** Turns the alignment that just started unaligned now, or when it is older than the timeout. */
  private void startAlignmentTimeout(CheckpointBarrier barrier) throws Exception {
    if (alignmentTimeout == null || barrier.savepoint()) {
      return;
    }
    long left =
        barrier.timestamp() + alignmentTimeout.timeoutMillis() - alignmentTimeout.clock().getAsLong();
    if (left <= 0) {
      turnUnaligned();
    } else {
      long id = barrier.checkpointId();
      alignmentTimeout.timer().schedule(left, time -> {
        if (current != null && current.checkpointId() == id && missing > 0 && !capturing) {
          turnUnaligned();
        }
      });
    }
  }

  /**
   * Takes the current checkpoint's snapshot now and captures what is still in flight ahead of the
   * barriers that have not arrived; channels blocked for alignment are released.
   */
  private void turnUnaligned() throws Exception {
    capturing = true;
    // The snapshot and the start of the capture see the same input: nothing is read between.
    listener.onUnalignedBarrier(current);
    for (GateReader<?> reader : readers) {
      reader.startCapture(current.checkpointId(), c -> received[c]);
    }
    releaseAll();
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
      turnUnaligned();
    } else if (!capturing && missing > 0) {
      // It was aligning here; an upstream task turned it unaligned.
      turnUnaligned();
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
    if (tracker != null) {
      tracker.processEndOfPartition(channel);
      return;
    }
    if (finished[channel]) {
      return;
    }
    finished[channel] = true;
    if (missing > 0 && !received[channel]) {
      missing--;
      if (missing == 0) {
        completeCheckpoint();
      }
    }
  }

  private void releaseAll() {
    for (int c = 0; c < received.length; c++) {
      if (received[c]) {
        gateOfChannel[c].unblockChannel(localChannel[c]);
      }
    }
  }
}
