package io.strom.runtime.state.heap;

import io.strom.api.functions.AggregateFunction;
import io.strom.runtime.state.InternalAggregatingState;
import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import java.util.Collection;

/**
 * Aggregating state on the heap. Stored form: the accumulator. An expired accumulator is replaced
 * by a fresh one on the next add. Used only on the task's thread.
 */
final class HeapAggregatingState<K, N, IN, ACC, OUT> extends AbstractHeapState<K, N>
    implements InternalAggregatingState<K, N, IN, ACC, OUT> {
  private final AggregateFunction<IN, ACC, OUT> function;

  HeapAggregatingState(
      String name,
      StateTable<K, N> table,
      TtlPolicy ttl,
      AggregateFunction<IN, ACC, OUT> function) {
    super(name, table, ttl);
    this.function = function;
  }

  @Override
  StateKind kind() {
    return StateKind.AGGREGATING;
  }

  @Override
  public OUT get(K key, N namespace) {
    ACC acc = getAccumulator(key, namespace);
    return acc == null ? null : function.getResult(acc);
  }

  @Override
  @SuppressWarnings("unchecked")
  public ACC getAccumulator(K key, N namespace) {
    return (ACC) readSingle(key, namespace);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(K key, N namespace, IN value) throws Exception {
    long now = ttl.enabled ? ttl.now() : 0L;
    StateEntry<K, N> e = table.findOrInsert(key, namespace, now);
    ACC acc = (ACC) liveSingle(e, now);
    try {
      e.value = function.add(value, acc == null ? function.createAccumulator() : acc);
    } finally {
      discardIfEmpty(e);
    }
    e.timestamp = now;
    if (ttl.enabled) {
      cleanup(now);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergeNamespaces(K key, N target, Collection<N> sources) throws Exception {
    long now = ttl.enabled ? ttl.now() : 0L;
    ACC merged = null;
    for (N source : sources) {
      if (source.equals(target)) {
        continue;
      }
      StateEntry<K, N> e = table.remove(key, source);
      ACC live = e == null ? null : (ACC) liveSingle(e, now);
      if (live != null) {
        merged = merged == null ? live : function.merge(merged, live);
      }
    }
    if (merged == null) {
      return;
    }
    StateEntry<K, N> e = table.findOrInsert(key, target, now);
    ACC current = (ACC) liveSingle(e, now);
    try {
      e.value = current == null ? merged : function.merge(current, merged);
    } finally {
      discardIfEmpty(e);
    }
    e.timestamp = now;
  }

  @Override
  boolean purgeExpired(StateEntry<K, N> entry, long now) {
    return singleExpired(entry, now);
  }
}
