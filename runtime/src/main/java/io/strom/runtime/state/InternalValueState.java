package io.strom.runtime.state;

/** One value per (key, namespace). */
public interface InternalValueState<K, N, V> {
  /** The value, or null when unset or expired. */
  V get(K key, N namespace);

  /** Sets the value; null clears it. */
  void update(K key, N namespace, V value);

  void clear(K key, N namespace);
}
