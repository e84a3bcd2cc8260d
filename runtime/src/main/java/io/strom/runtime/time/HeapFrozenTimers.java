package io.strom.runtime.time;

import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import java.util.function.Consumer;

/**
 * The timers of a {@link HeapTimerQueue} as they were at the synchronous part of a checkpoint: a
 * copy of the queue's heap array, the only work on the task's thread. The snapshot thread sorts
 * the copy into key groups when it first reads it.
 *
 * <p>The copy is a consistent view whatever the task does next: a timer never changes after it
 * is created (but for its position in the live heap, which is not read here), a timer added later
 * is not in the copy, and one removed later stays in it.
 */
final class HeapFrozenTimers<K, N> implements FrozenTimers<K, N> {
  private final KeyGroupRange range;
  private final int maxParallelism;
  private InternalTimer<K, N>[] timers;
  /** Where each key group's timers start in {@link #timers} once sorted; null before. */
  private int[] groupStarts;

  HeapFrozenTimers(InternalTimer<K, N>[] timers, KeyGroupRange range, int maxParallelism) {
    this.timers = timers;
    this.range = range;
    this.maxParallelism = maxParallelism;
  }

  @Override
  public synchronized void forEachInKeyGroup(int keyGroup, Consumer<InternalTimer<K, N>> action) {
    if (!range.contains(keyGroup)) {
      throw new IllegalArgumentException(
          "Key group " + keyGroup + " is outside [" + range.first() + ", " + range.last() + "]");
    }
    if (timers == null) {
      throw new IllegalStateException("The frozen timers were released (checkpoint canceled)");
    }
    if (groupStarts == null) {
      sortByKeyGroup();
    }
    int offset = keyGroup - range.first();
    for (int i = groupStarts[offset]; i < groupStarts[offset + 1]; i++) {
      action.accept(timers[i]);
    }
  }

  /** Counting sort of the copy by key group: two passes, one array of the same size. */
  private void sortByKeyGroup() {
    int[] offsets = new int[timers.length];
    int[] starts = new int[range.size() + 1];
    for (int i = 0; i < timers.length; i++) {
      int offset = KeyGroups.keyGroupOf(timers[i].key(), maxParallelism) - range.first();
      offsets[i] = offset;
      starts[offset + 1]++;
    }
    for (int g = 0; g < range.size(); g++) {
      starts[g + 1] += starts[g];
    }
    int[] next = starts.clone();
    @SuppressWarnings("unchecked")
    InternalTimer<K, N>[] sorted = (InternalTimer<K, N>[]) new InternalTimer<?, ?>[timers.length];
    for (int i = 0; i < timers.length; i++) {
      sorted[next[offsets[i]]++] = timers[i];
    }
    timers = sorted;
    groupStarts = starts;
  }

  @Override
  public synchronized void close() {
    // The references go now rather than with the snapshot that may outlive the checkpoint.
    timers = null;
    groupStarts = null;
  }
}
