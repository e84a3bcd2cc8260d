package io.strom.runtime.state.rocksdb;

import io.strom.runtime.state.InternalListState;
import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;

/**
 * List state in RocksDB: one row per (key, namespace) holding the elements one after another.
 * Adding appends through RocksDB's merge operator without reading the list; each element carries
 * its own timestamp when the state has a time-to-live. Used only on the task's thread.
 */
final class RocksDbListState<K, N, V> extends AbstractRocksDbState<K, N>
    implements InternalListState<K, N, V> {

  RocksDbListState(
      String name,
      RocksDbDatabase db,
      ColumnFamilyHandle cf,
      TtlPolicy ttl,
      TypeSerializer<Object> values) {
    super(name, db, cf, ttl, values);
  }

  @Override
  StateKind kind() {
    return StateKind.LIST;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<V> get(K key, N namespace) {
    db.writeKey(key, namespace, name);
    if (!db.read(cf)) {
      cleanup();
      return null;
    }
    DataInputDeserializer in = db.valueIn;
    List<V> all = new ArrayList<>();
    if (!ttl.enabled) {
      while (in.available() > 0) {
        all.add((V) readValue(in));
      }
      return all;
    }
    long now = ttl.now();
    List<V> live = new ArrayList<>();
    List<Long> stamps = new ArrayList<>();
    try {
      while (in.available() > 0) {
        long stamp = in.readLong();
        V element = (V) readValue(in);
        all.add(element);
        if (!ttl.isExpired(stamp, now)) {
          live.add(element);
          stamps.add(ttl.renewOnRead ? now : stamp);
        }
      }
    } catch (IOException e) {
      throw unreadable(e);
    }
    if (live.size() < all.size() || ttl.renewOnRead) {
      // Expired elements are removed now; this read may still see them if configured so.
      rewrite(live, stamps);
    }
    cleanup(now);
    List<V> result = ttl.returnExpired ? all : live;
    return result.isEmpty() ? null : result;
  }

  /** Replaces the list at the current row key; an empty list deletes the row. */
  private void rewrite(List<V> elements, List<Long> stamps) {
    if (elements.isEmpty()) {
      db.delete(cf);
      return;
    }
    DataOutputSerializer out = db.valueOut;
    out.clear();
    for (int i = 0; i < elements.size(); i++) {
      out.writeLong(stamps.get(i));
      writeValue(elements.get(i), out);
    }
    db.put(cf);
  }

  @Override
  public void add(K key, N namespace, V value) {
    requireElement(value);
    db.writeKey(key, namespace, name);
    long now = now();
    DataOutputSerializer out = db.valueOut;
    out.clear();
    writeElement(value, now, out);
    db.append(cf);
    cleanup(now);
  }

  @Override
  public void addAll(K key, N namespace, List<V> values) {
    if (values.isEmpty()) {
      return;
    }
    values.forEach(RocksDbListState::requireElement);
    db.writeKey(key, namespace, name);
    long now = now();
    encodeAll(values, now);
    db.append(cf);
    cleanup(now);
  }

  @Override
  public void update(K key, N namespace, List<V> values) {
    // Checked before writing, so a rejected update leaves the old list in place.
    values.forEach(RocksDbListState::requireElement);
    db.writeKey(key, namespace, name);
    if (values.isEmpty()) {
      db.delete(cf);
    } else {
      encodeAll(values, now());
      db.put(cf);
    }
    cleanup();
  }

  private void encodeAll(List<V> values, long now) {
    DataOutputSerializer out = db.valueOut;
    out.clear();
    for (V v : values) {
      writeElement(v, now, out);
    }
  }

  private void writeElement(V value, long now, DataOutputSerializer out) {
    if (ttl.enabled) {
      out.writeLong(now);
    }
    writeValue(value, out);
  }

  /** Appends the stored elements of the sources to the target as they are, without decoding. */
  @Override
  public void mergeNamespaces(K key, N target, Collection<N> sources) {
    DataOutputSerializer merged = db.valueOut;
    merged.clear();
    for (N source : sources) {
      if (source.equals(target)) {
        continue;
      }
      db.writeKey(key, source, name);
      if (db.read(cf)) {
        db.copyRemainingValue(merged);
        db.delete(cf);
      }
    }
    if (merged.length() > 0) {
      db.writeKey(key, target, name);
      db.append(cf);
    }
    cleanup();
  }

  @Override
  boolean rowExpired(DataInputView storedValue, long now) throws IOException {
    DataInputDeserializer in = (DataInputDeserializer) storedValue;
    while (in.available() > 0) {
      if (!ttl.isExpired(in.readLong(), now)) {
        return false;
      }
      values.deserialize(in);
    }
    return true;
  }

  /**
   * Counts the elements of a stored list, for the checkpoint format, which writes the count
   * first.
   */
  static int countElements(
      DataInputDeserializer in, boolean timed, TypeSerializer<Object> values) throws IOException {
    int count = 0;
    while (in.available() > 0) {
      if (timed) {
        in.readLong();
      }
      values.deserialize(in);
      count++;
    }
    return count;
  }

  private static void requireElement(Object value) {
    if (value == null) {
      throw new NullPointerException("List state elements must not be null");
    }
  }
}
