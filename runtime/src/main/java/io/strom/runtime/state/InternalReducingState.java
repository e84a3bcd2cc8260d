package io.strom.runtime.state;

/** A value per (key, namespace) that added values are reduced into. */
public interface InternalReducingState<K, N, V> extends InternalMergingState<K, N> {
  /** The reduced value, or null when nothing was added. */
  V get(K key, N namespace);

  void add(K key, N namespace, V value) throws Exception;
}
