package io.strom.runtime.state;

import java.util.List;

/** A list per (key, namespace). */
public interface InternalListState<K, N, V> extends InternalMergingState<K, N> {
  /** The list, or null when empty; the caller must not modify it. */
  List<V> get(K key, N namespace);

  void add(K key, N namespace, V value);

  void addAll(K key, N namespace, List<V> values);

  /** Replaces the list; an empty list clears it. */
  void update(K key, N namespace, List<V> values);
}
