package io.strom.runtime.time;

import java.util.function.Consumer;

/**
 * The timers of one {@link TimerQueue} as they were at the synchronous part of a checkpoint.
 * {@link #forEachInKeyGroup} is called on a snapshot thread; {@link #close} once it is no longer
 * needed, on either thread, possibly more than once.
 */
public interface FrozenTimers<K, N> extends AutoCloseable {

  /** Visits the frozen timers of one key group, in no particular order. */
  void forEachInKeyGroup(int keyGroup, Consumer<InternalTimer<K, N>> action);

  /** Releases what the frozen timers hold. */
  @Override
  void close();
}
