package io.strom.runtime.time;

/** Receives the timers of an {@link InternalTimerService}; called on the task's thread. */
public interface Triggerable<K, N> {

  void onEventTime(K key, N namespace, long time) throws Exception;

  void onProcessingTime(K key, N namespace, long time) throws Exception;
}
