package io.strom.runtime.tasks;

import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.runtime.state.heap.HeapStateSnapshot;
import io.strom.runtime.time.TimerServiceManager;
import io.strom.serde.DataOutputSerializer;
import java.io.IOException;

/**
 * The key group sections of a keyed operator whose state is on the heap, for a checkpoint: the
 * state is captured copy-on-write on the task's thread and serialized later by the snapshot
 * thread, so the task pauses only for the capture. Timers are serialized at capture (they are few
 * next to the state, and their queues are not copy-on-write).
 *
 * <p>Created on the task's thread; {@link #appendTo} and {@link #release} run on the snapshot
 * thread.
 */
final class HeapKeyedStateWriter {
  private final HeapStateSnapshot state;
  private final KeyGroupRange range;
  private final byte[] timers;
  /** Where each key group's timers start in {@link #timers}, and where the last ones end. */
  private final int[] timerOffsets;

  private HeapKeyedStateWriter(
      HeapStateSnapshot state, KeyGroupRange range, byte[] timers, int[] timerOffsets) {
    this.state = state;
    this.range = range;
    this.timers = timers;
    this.timerOffsets = timerOffsets;
  }

  /** Captures the state and serializes the timers of every key group of the backend's range. */
  static HeapKeyedStateWriter capture(
      HeapKeyedStateBackend<?> backend, TimerServiceManager<?> timerService) throws IOException {
    KeyGroupRange range = backend.keyGroupRange();
    DataOutputSerializer timerBytes = new DataOutputSerializer(256);
    int[] offsets = new int[range.size() + 1];
    for (int kg = range.first(); kg <= range.last(); kg++) {
      offsets[kg - range.first()] = timerBytes.length();
      timerService.snapshotKeyGroup(kg, timerBytes);
    }
    offsets[range.size()] = timerBytes.length();
    return new HeapKeyedStateWriter(backend.capture(), range, timerBytes.buffer(), offsets);
  }

  /**
   * Appends each key group's section (state, then timers, as the task would have written them)
   * to the state file and records where each starts in {@code keyGroupOffsets}, whose last
   * element gets the end.
   */
  void appendTo(DataOutputSerializer file, long[] keyGroupOffsets) throws IOException {
    for (int i = 0; i < range.size(); i++) {
      keyGroupOffsets[i] = file.length();
      state.writeKeyGroup(range.first() + i, file);
      file.write(timers, timerOffsets[i], timerOffsets[i + 1] - timerOffsets[i]);
    }
    keyGroupOffsets[range.size()] = file.length();
  }

  /** Ends the copy-on-write of the captured state; called whether it was written or not. */
  void release() {
    state.release();
  }
}
