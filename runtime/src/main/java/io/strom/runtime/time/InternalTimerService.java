package io.strom.runtime.time;

/**
 * Timers of a keyed operator, each for a key, a namespace (e.g. a window) and a time. Registering
 * the same (key, namespace, time) twice makes one timer. Used only on the task's thread.
 */
public interface InternalTimerService<K, N> {

  long currentProcessingTime();

  /** The operator's current event time: the last watermark it received. */
  long currentWatermark();

  void registerEventTimeTimer(K key, N namespace, long time);

  void deleteEventTimeTimer(K key, N namespace, long time);

  void registerProcessingTimeTimer(K key, N namespace, long time);

  void deleteProcessingTimeTimer(K key, N namespace, long time);
}
