package io.strom.runtime.state.heap;

import io.strom.api.functions.ReduceFunction;
import io.strom.runtime.state.InternalReducingState;
import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import java.util.Collection;

/**
 * Reducing state on the heap. Stored form: the reduced value. An expired value is not reduced
 * with new ones: the first value added after expiry starts afresh. Used only on the task's thread.
 */
final class HeapReducingState<K, N, V> extends AbstractHeapState<K, N>
    implements InternalReducingState<K, N, V> {
  private final ReduceFunction<V> reducer;

  HeapReducingState(String name, StateTable<K, N> table, TtlPolicy ttl, ReduceFunction<V> reducer) {
    super(name, table, ttl);
    this.reducer = reducer;
  }

  @Override
  StateKind kind() {
    return StateKind.REDUCING;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(K key, N namespace) {
    return (V) readSingle(key, namespace);
  }

  @Override
  public void add(K key, N namespace, V value) throws Exception {
    long now = ttl.enabled ? ttl.now() : 0L;
    StateEntry<K, N> e = table.findOrInsert(key, namespace, now);
    try {
      e.value = reduceInto(liveSingle(e, now), value);
    } finally {
      discardIfEmpty(e);
    }
    e.timestamp = now;
    if (ttl.enabled) {
      cleanup(now);
    }
  }

  @Override
  public void mergeNamespaces(K key, N target, Collection<N> sources) throws Exception {
    long now = ttl.enabled ? ttl.now() : 0L;
    V merged = null;
    for (N source : sources) {
      if (source.equals(target)) {
        continue;
      }
      StateEntry<K, N> e = table.remove(key, source);
      if (e != null) {
        @SuppressWarnings("unchecked")
        V live = (V) liveSingle(e, now);
        if (live != null) {
          merged = reduceInto(merged, live);
        }
      }
    }
    if (merged != null) {
      add(key, target, merged);
    }
  }

  @SuppressWarnings("unchecked")
  private V reduceInto(Object current, V value) throws Exception {
    return current == null ? value : reducer.reduce((V) current, value);
  }

  @Override
  boolean purgeExpired(StateEntry<K, N> entry, long now) {
    return singleExpired(entry, now);
  }
}
