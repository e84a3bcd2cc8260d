package io.strom.runtime.state.rocksdb;

import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import io.strom.serde.DataInputView;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import org.rocksdb.ColumnFamilyHandle;

/** Value state in RocksDB: one row per (key, namespace). Used only on the task's thread. */
final class RocksDbValueState<K, N, V> extends AbstractRocksDbState<K, N>
    implements InternalValueState<K, N, V> {

  RocksDbValueState(
      String name,
      RocksDbDatabase db,
      ColumnFamilyHandle cf,
      TtlPolicy ttl,
      TypeSerializer<Object> values) {
    super(name, db, cf, ttl, values);
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
  boolean rowExpired(DataInputView storedValue, long now) throws IOException {
    return singleRowExpired(storedValue, now);
  }
}
