package io.strom.runtime.state.rocksdb;

import io.strom.api.functions.AggregateFunction;
import io.strom.runtime.state.InternalAggregatingState;
import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import io.strom.serde.DataInputView;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/**
 * Aggregating state in RocksDB: the accumulator per (key, namespace). A failing aggregate function
 * leaves the stored accumulator as it was. Used only on the task's thread.
 */
final class RocksDbAggregatingState<K, N, IN, ACC, OUT> extends AbstractRocksDbState<K, N>
    implements InternalAggregatingState<K, N, IN, ACC, OUT> {
  private final AggregateFunction<IN, ACC, OUT> function;

  RocksDbAggregatingState(
      String name,
      RocksDbDatabase db,
      ColumnFamilyHandle cf,
      TtlPolicy ttl,
      TypeSerializer<Object> accumulators,
      AggregateFunction<IN, ACC, OUT> function) {
    super(name, db, cf, ttl, accumulators);
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
    db.writeKey(key, namespace, name);
    long now = now();
    ACC acc = (ACC) liveSingle(now);
    putSingle(function.add(value, acc == null ? function.createAccumulator() : acc), now);
    cleanup(now);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergeNamespaces(K key, N target, Collection<N> sources) throws Exception {
    long now = now();
    ACC merged = null;
    for (N source : sources) {
      if (source.equals(target)) {
        continue;
      }
      db.writeKey(key, source, name);
      ACC acc = (ACC) liveSingle(now);
      db.delete(cf);
      if (acc != null) {
        merged = merged == null ? acc : function.merge(merged, acc);
      }
    }
    if (merged != null) {
      db.writeKey(key, target, name);
      ACC current = (ACC) liveSingle(now);
      putSingle(current == null ? merged : function.merge(current, merged), now);
    }
    cleanup(now);
  }

  @Override
  boolean rowExpired(DataInputView storedValue, long now) throws IOException {
    return singleRowExpired(storedValue, now);
  }
}
