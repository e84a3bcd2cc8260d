package io.strom.runtime.state;

import java.util.Map;

/** A map per (key, namespace). */
public interface InternalMapState<K, N, UK, UV> {
  UV get(K key, N namespace, UK userKey);

  void put(K key, N namespace, UK userKey, UV value);

  void remove(K key, N namespace, UK userKey);

  boolean contains(K key, N namespace, UK userKey);

  /** The entries; removing through the iterator removes from state. */
  Iterable<Map.Entry<UK, UV>> entries(K key, N namespace);

  boolean isEmpty(K key, N namespace);

  void clear(K key, N namespace);
}
