package io.strom.runtime.time;

/**
 * A named timer service of one operator subtask, keeping its timers in two {@link TimerQueue}s
 * (on the heap, or in RocksDB with that backend). Firing is driven by the {@link
 * TimerServiceManager} that created it.
 *
 * <p>Used only on the task's thread.
 */
final class KeyedTimerService<K, N> implements InternalTimerService<K, N> {
  final String name;
  final Triggerable<K, N> target;
  final TimerQueue<K, N> eventTimers;
  final TimerQueue<K, N> processingTimers;
  private final TimerServiceManager<K> manager;

  KeyedTimerService(String name, Triggerable<K, N> target, TimerServiceManager<K> manager) {
    this.name = name;
    this.target = target;
    this.manager = manager;
    TimerQueueFactory queues = manager.queueFactory();
    this.eventTimers =
        queues.create(name, true, manager.keyGroupRange(), manager.maxParallelism());
    this.processingTimers =
        queues.create(name, false, manager.keyGroupRange(), manager.maxParallelism());
  }

  @Override
  public long currentProcessingTime() {
    return manager.processingTimeService().currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return manager.currentWatermark();
  }

  @Override
  public void registerEventTimeTimer(K key, N namespace, long time) {
    eventTimers.add(key, namespace, time);
  }

  @Override
  public void deleteEventTimeTimer(K key, N namespace, long time) {
    eventTimers.remove(key, namespace, time);
  }

  @Override
  public void registerProcessingTimeTimer(K key, N namespace, long time) {
    if (processingTimers.add(key, namespace, time)) {
      manager.processingTimerAdded(time);
    }
  }

  @Override
  public void deleteProcessingTimeTimer(K key, N namespace, long time) {
    // The scheduled wake-up stays; when it comes, nothing is due and the next one is scheduled.
    processingTimers.remove(key, namespace, time);
  }

  /** Fires the earliest event-time timer; the caller checked it is due. */
  void fireEventTimer() throws Exception {
    InternalTimer<K, N> timer = eventTimers.poll();
    target.onEventTime(timer.key(), timer.namespace(), timer.time());
  }

  /** Fires the earliest processing-time timer; the caller checked it is due. */
  void fireProcessingTimer() throws Exception {
    InternalTimer<K, N> timer = processingTimers.poll();
    target.onProcessingTime(timer.key(), timer.namespace(), timer.time());
  }
}
