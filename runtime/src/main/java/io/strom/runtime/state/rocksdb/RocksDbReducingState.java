package io.strom.runtime.state.rocksdb;

import io.strom.api.functions.ReduceFunction;
import io.strom.runtime.state.InternalReducingState;
import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import io.strom.serde.DataInputView;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.Collection;
import org.rocksdb.ColumnFamilyHandle;

/**
 * Reducing state in RocksDB: the reduced value per (key, namespace). A failing reduce function
 * leaves the stored value as it was. Used only on the task's thread.
 */
final class RocksDbReducingState<K, N, V> extends AbstractRocksDbState<K, N>
    implements InternalReducingState<K, N, V> {
  private final ReduceFunction<V> function;

  RocksDbReducingState(
      String name,
      RocksDbDatabase db,
      ColumnFamilyHandle cf,
      TtlPolicy ttl,
      TypeSerializer<Object> values,
      ReduceFunction<V> function) {
    super(name, db, cf, ttl, values);
    this.function = function;
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
  @SuppressWarnings("unchecked")
  public void add(K key, N namespace, V value) throws Exception {
    db.writeKey(key, namespace, name);
    long now = now();
    V current = (V) liveSingle(now);
    putSingle(current == null ? value : function.reduce(current, value), now);
    cleanup(now);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void mergeNamespaces(K key, N target, Collection<N> sources) throws Exception {
    long now = now();
    V merged = null;
    for (N source : sources) {
      if (source.equals(target)) {
        continue;
      }
      db.writeKey(key, source, name);
      V v = (V) liveSingle(now);
      db.delete(cf);
      if (v != null) {
        merged = merged == null ? v : function.reduce(merged, v);
      }
    }
    if (merged != null) {
      db.writeKey(key, target, name);
      V current = (V) liveSingle(now);
      putSingle(current == null ? merged : function.reduce(current, merged), now);
    }
    cleanup(now);
  }

  @Override
  boolean rowExpired(DataInputView storedValue, long now) throws IOException {
    return singleRowExpired(storedValue, now);
  }
}
