package io.strom.runtime.state.heap;

/**
 * A map state's value with the processing time it was last renewed, stored when the state has a
 * time-to-live. Mutable so that renewing on read does not allocate. Used only on the task's thread.
 */
final class TimedValue<V> {
  V value;
  long timestamp;

  TimedValue(V value, long timestamp) {
    this.value = value;
    this.timestamp = timestamp;
  }
}
