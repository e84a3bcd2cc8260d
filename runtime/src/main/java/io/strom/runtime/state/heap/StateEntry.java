package io.strom.runtime.state.heap;

import java.util.function.UnaryOperator;

/**
 * One stored (key, namespace) slot of a heap state: the key and namespace objects themselves, their
 * combined hash, the stored value and the time it was last renewed (for time-to-live).
 *
 * <p>Lookups compare against the stored key and namespace, so no composite key object is allocated
 * per access. An entry a running snapshot still reads (see {@link SnapshotVersions}) is never
 * changed: the table replaces it with a {@link #copy} first. Changed only on the task's thread.
 */
final class StateEntry<K, N> {
  final K key;
  final N namespace;
  final int hash;
  /** The {@link SnapshotVersions} version when this entry was created. */
  final int version;
  /** The stored form of the value; each state kind documents its own form. */
  Object value;
  /** Processing time of the last renewal; unused when the state has no time-to-live. */
  long timestamp;

  StateEntry(K key, N namespace, int hash, Object value, long timestamp, int version) {
    this.key = key;
    this.namespace = namespace;
    this.hash = hash;
    this.value = value;
    this.timestamp = timestamp;
    this.version = version;
  }

  /**
   * A copy stamped with {@code newVersion} whose value shares no mutable part with this one, so
   * the task may change the copy while a snapshot reads this entry.
   */
  StateEntry<K, N> copy(int newVersion, UnaryOperator<Object> valueCopier) {
    Object copied = value == null ? null : valueCopier.apply(value);
    return new StateEntry<>(key, namespace, hash, copied, timestamp, newVersion);
  }
}
