package io.strom.runtime.time;

import io.strom.runtime.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.List;
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

  /** The timers of {@code queue} in {@code range}, copied now (timers on the heap). */
  static <K, N> FrozenTimers<K, N> copyOf(TimerQueue<K, N> queue, KeyGroupRange range) {
    List<List<InternalTimer<K, N>>> byKeyGroup = new ArrayList<>(range.size());
    for (int kg = range.first(); kg <= range.last(); kg++) {
      List<InternalTimer<K, N>> timers = new ArrayList<>();
      queue.forEachInKeyGroup(kg, timers::add);
      byKeyGroup.add(timers.isEmpty() ? List.of() : timers);
    }
    return new FrozenTimers<>() {
      @Override
      public void forEachInKeyGroup(int keyGroup, Consumer<InternalTimer<K, N>> action) {
        byKeyGroup.get(keyGroup - range.first()).forEach(action);
      }

      @Override
      public void close() {
        // Nothing native to release: the copies go with the last reference.
      }
    };
  }
}
