package io.strom.datastream.operators;

import io.strom.datastream.functions.TimerService;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.time.InternalTimerService;

/** The timers of a keyed process function: each for the key being processed. */
final class KeyedTimerService<K> implements TimerService {
  private final InternalTimerService<K, VoidNamespace> timers;
  private final KeyedStateAccess<K> keys;

  KeyedTimerService(InternalTimerService<K, VoidNamespace> timers, KeyedStateAccess<K> keys) {
    this.timers = timers;
    this.keys = keys;
  }

  @Override
  public long currentProcessingTime() {
    return timers.currentProcessingTime();
  }

  @Override
  public long currentWatermark() {
    return timers.currentWatermark();
  }

  @Override
  public void registerProcessingTimeTimer(long time) {
    timers.registerProcessingTimeTimer(keys.currentKey(), VoidNamespace.INSTANCE, time);
  }

  @Override
  public void registerEventTimeTimer(long time) {
    timers.registerEventTimeTimer(keys.currentKey(), VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteProcessingTimeTimer(long time) {
    timers.deleteProcessingTimeTimer(keys.currentKey(), VoidNamespace.INSTANCE, time);
  }

  @Override
  public void deleteEventTimeTimer(long time) {
    timers.deleteEventTimeTimer(keys.currentKey(), VoidNamespace.INSTANCE, time);
  }
}
