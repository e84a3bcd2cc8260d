package io.strom.runtime.time;

import io.strom.runtime.state.KeyGroupRange;

/** Creates the timer queues of a keyed operator subtask's timer services: where timers live. */
public interface TimerQueueFactory {
  /** Timers on the JVM heap. */
  TimerQueueFactory HEAP = HeapTimerQueue.FACTORY;

  /**
   * The queue of one kind of timers of the named service.
   *
   * @param eventTime event-time timers, else processing-time timers
   */
  <K, N> TimerQueue<K, N> create(
      String serviceName, boolean eventTime, KeyGroupRange range, int maxParallelism);

  /**
   * Whether the queues live in the keyed state backend's own storage, so that a snapshot of that
   * storage (an incremental checkpoint of RocksDB's files) already holds them.
   */
  default boolean storedWithKeyedState() {
    return false;
  }
}
