package io.strom.runtime.state.rocksdb;

import io.strom.runtime.state.StateKind;
import io.strom.runtime.state.TtlPolicy;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The helper every RocksDB state kind extends: one column family per state, the value encoding
 * that is the same for all kinds, and the incremental time-to-live cleanup.
 *
 * <p>Stored values are exactly the per-entry values of the checkpoint format (see {@code
 * KeyGroupStateFormat}), so a full checkpoint copies them without decoding: {@code [long
 * timestamp] value} for single-value kinds, the elements {@code [long timestamp] element} one
 * after another for lists (appended with RocksDB's merge operator, so adding does not read), and
 * per map entry a row {@code [long timestamp] bool present [value]} keyed by the user key.
 *
 * <p>Used only on the task's thread.
 */
abstract class AbstractRocksDbState<K, N> {
  /** Rows the incremental cleanup examines per state access. */
  static final int CLEANUP_ROWS_PER_ACCESS = 5;

  /** Cleanup steps after which the cursor re-reads the database, so it does not pin old files. */
  private static final int CLEANUP_REFRESH_STEPS = 1_000;

  final String name;
  final RocksDbDatabase db;
  final ColumnFamilyHandle cf;
  final TtlPolicy ttl;
  final TypeSerializer<Object> values;
  private final DataInputDeserializer cleanupIn = new DataInputDeserializer();
  private RocksIterator cleanupCursor;
  private int cleanupSteps;

  AbstractRocksDbState(
      String name,
      RocksDbDatabase db,
      ColumnFamilyHandle cf,
      TtlPolicy ttl,
      TypeSerializer<Object> values) {
    this.name = name;
    this.db = db;
    this.cf = cf;
    this.ttl = ttl;
    this.values = values;
  }

  abstract StateKind kind();

  /**
   * Whether a whole stored row is expired at {@code now}, so the cleanup may delete it. Called
   * only when the time-to-live is enabled.
   */
  abstract boolean rowExpired(DataInputView storedValue, long now) throws IOException;

  public void clear(K key, N namespace) {
    db.writeKey(key, namespace, name);
    db.delete(cf);
    cleanup();
  }

  final long now() {
    return ttl.enabled ? ttl.now() : 0L;
  }

  final void writeValue(Object value, DataOutputSerializer out) {
    RocksDbDatabase.serialize(values, value, out, name);
  }

  final Object readValue(DataInputView in) {
    try {
      return values.deserialize(in);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  final RuntimeException unreadable(IOException e) {
    return new UncheckedIOException(
        "State '" + name + "' holds a value its declared type cannot read: " + e.getMessage(), e);
  }

  // ---- helpers for kinds whose value is a single object ----

  /** Reads a single-object value, applying expiry, visibility and renewal on read. */
  final Object readSingle(K key, N namespace) {
    db.writeKey(key, namespace, name);
    if (!db.read(cf)) {
      cleanup();
      return null;
    }
    if (!ttl.enabled) {
      return readValue(db.valueIn);
    }
    long now = ttl.now();
    Object value;
    try {
      long stamp = db.valueIn.readLong();
      value = readValue(db.valueIn);
      if (ttl.isExpired(stamp, now)) {
        db.delete(cf);
        value = ttl.returnExpired ? value : null;
      } else if (ttl.renewOnRead) {
        putSingle(value, now);
      }
    } catch (IOException e) {
      throw unreadable(e);
    }
    cleanup(now);
    return value;
  }

  /** The live value at the current row key; an expired value counts as absent. */
  final Object liveSingle(long now) {
    if (!db.read(cf)) {
      return null;
    }
    try {
      if (ttl.enabled && ttl.isExpired(db.valueIn.readLong(), now)) {
        return null;
      }
    } catch (IOException e) {
      throw unreadable(e);
    }
    return readValue(db.valueIn);
  }

  /** Stores a single-object value at the current row key, stamped with {@code now}. */
  final void putSingle(Object value, long now) {
    DataOutputSerializer out = db.valueOut;
    out.clear();
    if (ttl.enabled) {
      out.writeLong(now);
    }
    writeValue(value, out);
    db.put(cf);
  }

  /** Stores a single-object value (null removes it) and renews its timestamp. */
  final void writeSingle(K key, N namespace, Object value) {
    if (value == null) {
      clear(key, namespace);
      return;
    }
    db.writeKey(key, namespace, name);
    long now = now();
    putSingle(value, now);
    cleanup(now);
  }

  final boolean singleRowExpired(DataInputView storedValue, long now) throws IOException {
    return ttl.isExpired(storedValue.readLong(), now);
  }

  // ---- incremental cleanup of expired rows ----

  final void cleanup() {
    if (ttl.enabled) {
      cleanup(ttl.now());
    }
  }

  /**
   * Examines a few rows after the cursor and deletes those wholly expired, so rows of keys that
   * are never read again go away eventually. The cursor reads a snapshot, so each candidate is
   * read again before it is deleted: a row renewed since then stays.
   */
  final void cleanup(long now) {
    if (!ttl.enabled) {
      return;
    }
    if (cleanupCursor == null) {
      cleanupCursor = db.newIterator(cf);
      cleanupCursor.seekToFirst();
    }
    for (int i = 0; i < CLEANUP_ROWS_PER_ACCESS; i++) {
      if (++cleanupSteps % CLEANUP_REFRESH_STEPS == 0 || !cleanupCursor.isValid()) {
        if (!refreshCleanupCursor()) {
          return;
        }
      }
      byte[] rowKey = cleanupCursor.key();
      cleanupCursor.next();
      try {
        byte[] current = db.db().get(cf, rowKey);
        if (current != null) {
          cleanupIn.setBuffer(current, 0, current.length);
          if (rowExpired(cleanupIn, now)) {
            db.delete(cf, rowKey, rowKey.length);
          }
        }
      } catch (RocksDBException e) {
        throw db.failed("clean up expired state '" + name + "'", e);
      } catch (IOException e) {
        throw unreadable(e);
      }
    }
  }

  /**
   * Lets the cursor see the current data, staying where it is, or starting over at the first row
   * when it reached the end; false when the state is empty.
   */
  private boolean refreshCleanupCursor() {
    byte[] at = cleanupCursor.isValid() ? cleanupCursor.key() : null;
    try {
      cleanupCursor.refresh();
    } catch (RocksDBException e) {
      throw db.failed("clean up expired state '" + name + "'", e);
    }
    if (at != null) {
      cleanupCursor.seek(at);
    }
    if (!cleanupCursor.isValid()) {
      cleanupCursor.seekToFirst();
    }
    return cleanupCursor.isValid();
  }

  /** Releases the native resources of this state (not its data). */
  void close() {
    if (cleanupCursor != null) {
      cleanupCursor.close();
      cleanupCursor = null;
    }
  }
}
