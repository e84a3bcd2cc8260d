package io.strom.runtime.state.heap;

import java.util.ArrayList;
import java.util.List;

/**
 * The version clock of a heap backend's copy-on-write: tells which entries and table arrays a
 * running snapshot still reads, so the task copies them before it changes them.
 *
 * <p>Every entry and every table array is stamped with the {@link #current} version when it is
 * created. Capturing a snapshot advances the version; until that snapshot is released, anything
 * stamped with an older version is shared with it ({@link #sharedWithSnapshot}). Without a running
 * snapshot the check is one comparison against 0, which nothing passes.
 *
 * <p>{@link #capture} and {@link #current} are called on the task's thread; {@link #release} may
 * be called from the thread that wrote the snapshot. The volatile {@code required} makes the
 * writer's reads of the captured entries happen before the task's first in-place change after the
 * release.
 */
final class SnapshotVersions {
  /** The version new entries and arrays get; written only on the task's thread. */
  private int current;

  /** The version of the newest running snapshot, or 0 when none runs. */
  private volatile int required;

  /** The versions of the snapshots captured and not released yet. */
  private final List<Integer> running = new ArrayList<>(2);

  /** The stamp for an entry or array created now. Called on the task's thread. */
  int current() {
    return current;
  }

  /** Whether something stamped with {@code version} is still read by a running snapshot. */
  boolean sharedWithSnapshot(int version) {
    return version < required;
  }

  /** Starts a snapshot: everything existing now is shared with it. Returns its version. */
  synchronized int capture() {
    current++;
    running.add(current);
    required = current;
    return current;
  }

  /** Ends the snapshot of {@code version}; releasing it again does nothing. */
  synchronized void release(int version) {
    if (running.remove(Integer.valueOf(version))) {
      int newest = 0;
      for (int v : running) {
        newest = Math.max(newest, v);
      }
      required = newest;
    }
  }

  /** The number of snapshots captured and not released yet; for tests and diagnostics. */
  synchronized int runningSnapshots() {
    return running.size();
  }
}
