package io.strom.runtime.time;

import io.strom.runtime.state.KeyGroupRange;
import java.util.function.Consumer;

/**
 * The timers of one kind (event or processing time) of one timer service, ordered by time. Equal
 * timers (key, namespace and time) are registered once. Stored on the heap ({@link
 * HeapTimerQueue}) or in RocksDB ({@code RocksDbTimerQueue}).
 *
 * <p>Used only on the task's thread.
 */
public interface TimerQueue<K, N> {
  int size();

  /** The earliest timer, or null. */
  InternalTimer<K, N> peek();

  /** Adds a timer unless an equal one exists; returns whether it was added. */
  boolean add(K key, N namespace, long time);

  /** Removes the equal timer, if registered. */
  void remove(K key, N namespace, long time);

  /** Removes and returns the earliest timer, or null. */
  InternalTimer<K, N> poll();

  /** Visits the timers of one key group of this subtask, in no particular order. */
  void forEachInKeyGroup(int keyGroup, Consumer<InternalTimer<K, N>> action);

  /**
   * The synchronous part of a checkpoint: this queue's timers in {@code range} as they are now,
   * for a snapshot thread to read while the task goes on.
   */
  FrozenTimers<K, N> freeze(KeyGroupRange range);
}
