package io.strom.runtime.tasks;

import io.strom.runtime.checkpoint.StateFileOutput;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroupSnapshot;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.BooleanSupplier;

/**
 * One keyed operator's part of a checkpoint between its synchronous and asynchronous parts: its
 * keyed state and timers frozen on the task's thread, written into the task's state file on a
 * snapshot thread, key group by key group — each key group's states, then its timers — noting
 * where each key group starts.
 *
 * <p>Created on the task's thread; {@link #writeTo} runs on a snapshot thread; {@link #release}
 * on whichever thread ends the checkpoint, once it is written, failed or given up.
 */
final class KeyedSnapshotWrite {
  private final KeyGroupRange range;
  private final KeyGroupSnapshot state;
  private final KeyGroupSnapshot timers;
  private long[] offsets;

  KeyedSnapshotWrite(KeyGroupRange range, KeyGroupSnapshot state, KeyGroupSnapshot timers) {
    this.range = range;
    this.state = state;
    this.timers = timers;
  }

  int firstKeyGroup() {
    return range.first();
  }

  /**
   * Where each key group starts in the state file, and where the last one ends; known once
   * written.
   */
  long[] offsets() {
    if (offsets == null) {
      throw new IllegalStateException("Bug: the offsets of a keyed snapshot asked before writing");
    }
    return offsets;
  }

  /**
   * Appends every key group to the state file.
   *
   * @param canceled checked between key groups: a canceled task stops writing a large snapshot
   * @throws InterruptedIOException when canceled
   */
  void writeTo(StateFileOutput out, BooleanSupplier canceled) throws IOException {
    long[] written = new long[range.size() + 1];
    for (int kg = range.first(); kg <= range.last(); kg++) {
      if (canceled.getAsBoolean()) {
        throw new InterruptedIOException("The task was canceled while its snapshot was written");
      }
      written[kg - range.first()] = out.position();
      state.writeKeyGroup(kg, out);
      timers.writeKeyGroup(kg, out);
    }
    written[range.size()] = out.position();
    offsets = written;
  }

  /** Releases the frozen state (a RocksDB snapshot, buffers); may be called more than once. */
  void release() {
    try {
      state.close();
    } finally {
      timers.close();
    }
  }
}
