package io.strom.runtime.state.heap;

/**
 * One stored (key, namespace) slot of a heap state: the key and namespace objects themselves, their
 * combined hash, the stored value and the time it was last renewed (for time-to-live).
 *
 * <p>Lookups compare against the stored key and namespace, so no composite key object is allocated
 * per access. Used only on the task's thread.
 */
final class StateEntry<K, N> {
  final K key;
  final N namespace;
  final int hash;
  /** The stored form of the value; each state kind documents its own form. */
  Object value;
  /** Processing time of the last renewal; unused when the state has no time-to-live. */
  long timestamp;

  StateEntry(K key, N namespace, int hash, Object value, long timestamp) {
    this.key = key;
    this.namespace = namespace;
    this.hash = hash;
    this.value = value;
    this.timestamp = timestamp;
  }
}
