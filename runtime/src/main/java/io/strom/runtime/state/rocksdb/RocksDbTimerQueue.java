package io.strom.runtime.state.rocksdb;

import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import io.strom.runtime.time.InternalTimer;
import io.strom.runtime.time.TimerQueue;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.DynamicSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The timers of one kind of one timer service in a column family of the backend's RocksDB, so that
 * timers, like state, need not fit in memory and are part of incremental checkpoints.
 *
 * <p>Row keys are {@code short keyGroup | long time | key | namespace} with empty values: the key
 * group first, as for states, so checkpoints and rescaling read or copy a key group as one range;
 * then the time (sign bit flipped, so bytes order as numbers), so the first row of a key group is
 * its earliest timer. Only that head of each key group is kept on the heap, in a set ordered by
 * time: the earliest timer of the subtask is the first head, and firing it reads the next row of its
 * key group. Timers of equal time fire in key order.
 *
 * <p>Used only on the task's thread.
 */
final class RocksDbTimerQueue<K, N> implements TimerQueue<K, N> {
  private static final byte[] EMPTY = new byte[0];

  private final RocksDbDatabase db;
  private final ColumnFamilyHandle column;
  private final String serviceName;
  private final KeyGroupRange range;
  private final int maxParallelism;
  private final TypeSerializer<Object> keys = new DynamicSerializer();
  private final TypeSerializer<Object> namespaces = new DynamicSerializer();
  private final DataOutputSerializer rowKey = new DataOutputSerializer(64);
  private final DataInputDeserializer rowIn = new DataInputDeserializer();
  /** Per key group of the range: its earliest timer and that timer's row key, or null. */
  private final InternalTimer<K, N>[] heads;
  private final byte[][] headRows;
  /** Key groups (offsets in the range) that have timers, earliest head first. */
  private final TreeSet<Integer> order;
  private int size;

  @SuppressWarnings("unchecked")
  RocksDbTimerQueue(
      RocksDbDatabase db, String columnName, String serviceName, KeyGroupRange range,
      int maxParallelism) {
    this.db = db;
    this.column = db.columnFamily(columnName);
    this.serviceName = serviceName;
    this.range = range;
    this.maxParallelism = maxParallelism;
    this.heads = (InternalTimer<K, N>[]) new InternalTimer<?, ?>[range.size()];
    this.headRows = new byte[range.size()][];
    this.order =
        new TreeSet<>(
            (a, b) -> {
              int byTime = Long.compare(heads[a].time(), heads[b].time());
              return byTime != 0 ? byTime : Arrays.compareUnsigned(headRows[a], headRows[b]);
            });
    // A database restored from an incremental checkpoint already holds timers.
    try (RocksIterator it = db.newIterator(column)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        size++;
      }
    }
    for (int offset = 0; offset < heads.length; offset++) {
      loadHead(offset);
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public InternalTimer<K, N> peek() {
    return order.isEmpty() ? null : heads[order.first()];
  }

  @Override
  public boolean add(K key, N namespace, long time) {
    int offset = writeRow(key, namespace, time);
    byte[] row = rowKey.toByteArray();
    try {
      if (db.db().get(column, row) != null) {
        return false;
      }
    } catch (RocksDBException e) {
      throw db.failed("read a timer", e);
    }
    db.put(column, row, EMPTY);
    size++;
    if (headRows[offset] == null || Arrays.compareUnsigned(row, headRows[offset]) < 0) {
      unlink(offset);
      heads[offset] = InternalTimer.of(key, namespace, time);
      headRows[offset] = row;
      order.add(offset);
    }
    return true;
  }

  @Override
  public void remove(K key, N namespace, long time) {
    int offset = writeRow(key, namespace, time);
    byte[] row = rowKey.toByteArray();
    try {
      if (db.db().get(column, row) == null) {
        return;
      }
    } catch (RocksDBException e) {
      throw db.failed("read a timer", e);
    }
    db.delete(column, row, row.length);
    size--;
    if (Arrays.equals(row, headRows[offset])) {
      loadHead(offset);
    }
  }

  @Override
  public InternalTimer<K, N> poll() {
    if (order.isEmpty()) {
      return null;
    }
    int offset = order.first();
    InternalTimer<K, N> timer = heads[offset];
    db.delete(column, headRows[offset], headRows[offset].length);
    size--;
    loadHead(offset);
    return timer;
  }

  @Override
  public void forEachInKeyGroup(int keyGroup, Consumer<InternalTimer<K, N>> action) {
    if (!range.contains(keyGroup)) {
      throw new IllegalArgumentException(
          "Key group " + keyGroup + " is outside [" + range.first() + ", " + range.last() + "]");
    }
    try (RocksIterator it = db.newIterator(column)) {
      for (it.seek(RocksDbDatabase.keyGroupPrefix(keyGroup));
          it.isValid() && RocksDbDatabase.keyGroupOf(it.key()) == keyGroup;
          it.next()) {
        action.accept(decode(it.key()));
      }
    }
  }

  /** Reads the earliest row of a key group into its head (after the old head went). */
  private void loadHead(int offset) {
    unlink(offset);
    int keyGroup = range.first() + offset;
    try (RocksIterator it = db.newIterator(column)) {
      it.seek(RocksDbDatabase.keyGroupPrefix(keyGroup));
      if (it.isValid() && RocksDbDatabase.keyGroupOf(it.key()) == keyGroup) {
        headRows[offset] = it.key();
        heads[offset] = decode(headRows[offset]);
        order.add(offset);
      }
    }
  }

  /** Takes a key group out of the order (which compares heads) before its head changes. */
  private void unlink(int offset) {
    if (heads[offset] != null) {
      order.remove(offset);
      heads[offset] = null;
      headRows[offset] = null;
    }
  }

  /** Writes the row key of a timer into {@link #rowKey}; returns its key group's offset. */
  private int writeRow(K key, N namespace, long time) {
    int keyGroup = KeyGroups.keyGroupOf(key, maxParallelism);
    if (!range.contains(keyGroup)) {
      throw new IllegalStateException(
          "Bug: timer of service '" + serviceName + "' for key '" + key + "' belongs to key group "
              + keyGroup + ", outside this subtask's key groups [" + range.first() + ", "
              + range.last() + "]; the record was routed to the wrong subtask.");
    }
    rowKey.clear();
    rowKey.writeShort(keyGroup);
    rowKey.writeLong(time ^ Long.MIN_VALUE);
    RocksDbDatabase.serialize(keys, key, rowKey, serviceName);
    RocksDbDatabase.serialize(namespaces, namespace, rowKey, serviceName);
    return keyGroup - range.first();
  }

  @SuppressWarnings("unchecked")
  private InternalTimer<K, N> decode(byte[] row) {
    try {
      rowIn.setBuffer(row, RocksDbDatabase.KEY_GROUP_BYTES, row.length - RocksDbDatabase.KEY_GROUP_BYTES);
      long time = rowIn.readLong() ^ Long.MIN_VALUE;
      K key = (K) keys.deserialize(rowIn);
      N namespace = (N) namespaces.deserialize(rowIn);
      return InternalTimer.of(key, namespace, time);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Timers of service '" + serviceName + "' are unreadable: " + e.getMessage(), e);
    }
  }
}
