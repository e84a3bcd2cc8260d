package io.strom.runtime.state.rocksdb;

import io.strom.runtime.state.InternalMapState;
import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * Map state in RocksDB: one row per entry, keyed {@code keyGroup | key | namespace | user key}, so
 * the entries of one (key, namespace) are contiguous and read with one seek. Each entry carries
 * its own timestamp when the state has a time-to-live. Used only on the task's thread.
 */
final class RocksDbMapState<K, N, UK, UV> extends AbstractRocksDbState<K, N>
    implements InternalMapState<K, N, UK, UV> {
  private static final Object ABSENT = new Object();

  final TypeSerializer<Object> userKeys;

  RocksDbMapState(
      String name,
      RocksDbDatabase db,
      ColumnFamilyHandle cf,
      TtlPolicy ttl,
      TypeSerializer<Object> userKeys,
      TypeSerializer<Object> values) {
    super(name, db, cf, ttl, values);
    this.userKeys = userKeys;
  }

  @Override
  StateKind kind() {
    return StateKind.MAP;
  }

  private void writeEntryKey(K key, N namespace, UK userKey) {
    db.writeKey(key, namespace, name);
    RocksDbDatabase.serialize(userKeys, userKey, db.keyOut, name);
  }

  @Override
  @SuppressWarnings("unchecked")
  public UV get(K key, N namespace, UK userKey) {
    Object v = lookup(key, namespace, userKey);
    return v == ABSENT ? null : (UV) v;
  }

  @Override
  public boolean contains(K key, N namespace, UK userKey) {
    return lookup(key, namespace, userKey) != ABSENT;
  }

  /** The user value, or {@link #ABSENT}; applies expiry, visibility and renewal on read. */
  private Object lookup(K key, N namespace, UK userKey) {
    writeEntryKey(key, namespace, userKey);
    if (!db.read(cf)) {
      cleanup();
      return ABSENT;
    }
    long now = now();
    Object result;
    try {
      long stamp = ttl.enabled ? db.valueIn.readLong() : 0L;
      Object value = db.valueIn.readBoolean() ? readValue(db.valueIn) : null;
      result = value;
      if (ttl.enabled && ttl.isExpired(stamp, now)) {
        db.delete(cf);
        result = ttl.returnExpired ? value : ABSENT;
      } else if (ttl.enabled && ttl.renewOnRead) {
        putEntry(value, now);
      }
    } catch (IOException e) {
      throw unreadable(e);
    }
    cleanup(now);
    return result;
  }

  /** Stores an entry's value at the current row key. */
  private void putEntry(Object value, long now) {
    encodeEntry(value, now);
    db.put(cf);
  }

  /** Writes {@code [long timestamp] bool present [value]} into the value buffer. */
  private void encodeEntry(Object value, long now) {
    DataOutputSerializer out = db.valueOut;
    out.clear();
    if (ttl.enabled) {
      out.writeLong(now);
    }
    out.writeBoolean(value != null);
    if (value != null) {
      writeValue(value, out);
    }
  }

  @Override
  public void put(K key, N namespace, UK userKey, UV value) {
    writeEntryKey(key, namespace, userKey);
    long now = now();
    putEntry(value, now);
    cleanup(now);
  }

  @Override
  public void remove(K key, N namespace, UK userKey) {
    writeEntryKey(key, namespace, userKey);
    db.delete(cf);
    cleanup();
  }

  @Override
  public boolean isEmpty(K key, N namespace) {
    return !entries(key, namespace).iterator().hasNext();
  }

  @Override
  public void clear(K key, N namespace) {
    db.writeKey(key, namespace, name);
    byte[] prefix = Arrays.copyOf(db.keyOut.buffer(), db.keyOut.length());
    try (RocksIterator it = db.newIterator(cf)) {
      for (it.seek(prefix); it.isValid(); it.next()) {
        byte[] rowKey = it.key();
        if (!startsWith(rowKey, prefix)) {
          break;
        }
        db.delete(cf, rowKey, rowKey.length);
      }
    }
    cleanup();
  }

  /**
   * The entries of one (key, namespace), read when iteration starts. Expired entries are removed
   * then, and come last in this one iteration when the visibility allows it; removing through the
   * iterator and {@code setValue} write through to the state.
   */
  @Override
  public Iterable<Map.Entry<UK, UV>> entries(K key, N namespace) {
    db.writeKey(key, namespace, name);
    byte[] prefix = Arrays.copyOf(db.keyOut.buffer(), db.keyOut.length());
    return () -> scan(prefix);
  }

  @SuppressWarnings("unchecked")
  private Iterator<Map.Entry<UK, UV>> scan(byte[] prefix) {
    long now = now();
    List<RowEntry> live = new ArrayList<>();
    List<RowEntry> expired = new ArrayList<>();
    DataInputDeserializer in = new DataInputDeserializer();
    try (RocksIterator it = db.newIterator(cf)) {
      for (it.seek(prefix); it.isValid(); it.next()) {
        byte[] rowKey = it.key();
        if (!startsWith(rowKey, prefix)) {
          break;
        }
        in.setBuffer(rowKey, prefix.length, rowKey.length - prefix.length);
        UK userKey = (UK) userKeys.deserialize(in);
        byte[] stored = it.value();
        in.setBuffer(stored, 0, stored.length);
        long stamp = ttl.enabled ? in.readLong() : 0L;
        UV value = in.readBoolean() ? (UV) readValue(in) : null;
        RowEntry entry = new RowEntry(rowKey, userKey, value);
        if (ttl.enabled && ttl.isExpired(stamp, now)) {
          db.delete(cf, rowKey, rowKey.length);
          if (ttl.returnExpired) {
            expired.add(entry.detached());
          }
        } else {
          if (ttl.enabled && ttl.renewOnRead) {
            entry.write(value, now);
          }
          live.add(entry);
        }
      }
    } catch (IOException e) {
      throw unreadable(e);
    }
    cleanup(now);
    live.addAll(expired);
    return new RemovingIterator(live.iterator());
  }

  static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  @Override
  boolean rowExpired(DataInputView storedValue, long now) throws IOException {
    return singleRowExpired(storedValue, now);
  }

  /** A map entry read from its row; writes through unless detached (already removed). */
  private final class RowEntry implements Map.Entry<UK, UV> {
    private final byte[] rowKey;
    private final UK key;
    private UV value;

    RowEntry(byte[] rowKey, UK key, UV value) {
      this.rowKey = rowKey;
      this.key = key;
      this.value = value;
    }

    RowEntry detached() {
      return new RowEntry(null, key, value);
    }

    @Override
    public UK getKey() {
      return key;
    }

    @Override
    public UV getValue() {
      return value;
    }

    @Override
    public UV setValue(UV newValue) {
      UV old = value;
      value = newValue;
      if (rowKey != null) {
        write(newValue, now());
      }
      return old;
    }

    void write(UV newValue, long now) {
      encodeEntry(newValue, now);
      db.put(cf, rowKey, db.valueOut.toByteArray());
    }

    void remove() {
      if (rowKey != null) {
        db.delete(cf, rowKey, rowKey.length);
      }
    }
  }

  /** Iterates read entries; {@code remove} deletes the entry's row. */
  private final class RemovingIterator implements Iterator<Map.Entry<UK, UV>> {
    private final Iterator<RowEntry> entries;
    private RowEntry last;

    RemovingIterator(Iterator<RowEntry> entries) {
      this.entries = entries;
    }

    @Override
    public boolean hasNext() {
      return entries.hasNext();
    }

    @Override
    public Map.Entry<UK, UV> next() {
      if (!entries.hasNext()) {
        throw new NoSuchElementException();
      }
      last = entries.next();
      return last;
    }

    @Override
    public void remove() {
      if (last == null) {
        throw new IllegalStateException("next() was not called, or remove() was called twice");
      }
      last.remove();
      last = null;
    }
  }
}
