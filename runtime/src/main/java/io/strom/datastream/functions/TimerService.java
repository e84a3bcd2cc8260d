package io.strom.datastream.functions;

/**
 * Time, and timers for the current key, as seen by a process function. Timers are only available
 * on keyed streams; a timer fires once per key and time, however often it was registered.
 */
public interface TimerService {
  long currentProcessingTime();

  /** The current event time: the last watermark the operator received. */
  long currentWatermark();

  void registerProcessingTimeTimer(long time);

  void registerEventTimeTimer(long time);

  void deleteProcessingTimeTimer(long time);

  void deleteEventTimeTimer(long time);
}
