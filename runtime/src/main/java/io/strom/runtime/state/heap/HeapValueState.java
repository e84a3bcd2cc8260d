package io.strom.runtime.state.heap;

import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;

/**
 * Value state on the heap. Stored form: the value itself. Used only on the task's thread.
 */
final class HeapValueState<K, N, V> extends AbstractHeapState<K, N>
    implements InternalValueState<K, N, V> {

  HeapValueState(String name, StateTable<K, N> table, TtlPolicy ttl) {
    super(name, table, ttl);
  }

  @Override
  StateKind kind() {
    return StateKind.VALUE;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(K key, N namespace) {
    return (V) readSingle(key, namespace);
  }

  @Override
  public void update(K key, N namespace, V value) {
    writeSingle(key, namespace, value);
  }

  @Override
  boolean purgeExpired(StateEntry<K, N> entry, long now) {
    return singleExpired(entry, now);
  }
}
