package io.strom.runtime.state.rocksdb;

import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import io.strom.runtime.time.FrozenTimers;
import io.strom.runtime.time.InternalTimer;
import io.strom.runtime.time.TimerQueue;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.DynamicSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
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
 * then the time (sign bit flipped, so bytes order as numbers), so the first rows of a key group are
 * its earliest timers. The heap holds only a small cache per key group: its first rows (at most
 * {@link #CACHED_ROWS}), refilled from RocksDB when it runs empty, by a seek from the last row
 * taken so the deleted rows before it are not scanned again. The key groups with timers are kept
 * in a set ordered by their earliest timer; the earliest timer of the subtask is the first one's.
 * Timers of equal time fire in key order.
 *
 * <p>Used only on the task's thread.
 */
final class RocksDbTimerQueue<K, N> implements TimerQueue<K, N> {
  /** Rows of a key group kept on the heap. */
  static final int CACHED_ROWS = 32;

  private static final byte[] EMPTY = new byte[0];
  private static final Comparator<byte[]> ROW_ORDER = Arrays::compareUnsigned;

  private final RocksDbDatabase db;
  private final ColumnFamilyHandle column;
  private final String serviceName;
  private final KeyGroupRange range;
  private final int maxParallelism;
  private final TypeSerializer<Object> keys = new DynamicSerializer();
  private final TypeSerializer<Object> namespaces = new DynamicSerializer();
  private final DataOutputSerializer rowKey = new DataOutputSerializer(64);
  private final DataInputDeserializer rowIn = new DataInputDeserializer();
  /** Per key group of the range (by offset): its cached first rows. */
  private final KeyGroupCache<K, N>[] caches;
  /** Key groups (offsets) that have timers, earliest first. */
  private final TreeSet<Integer> order;
  private int size;

  /** The first rows of one key group, and its earliest timer decoded. */
  private static final class KeyGroupCache<K, N> {
    final TreeSet<byte[]> rows = new TreeSet<>(ROW_ORDER);
    /** Whether {@link #rows} holds every row of the key group. */
    boolean complete;
    InternalTimer<K, N> head;
  }

  @SuppressWarnings("unchecked")
  RocksDbTimerQueue(
      RocksDbDatabase db, String columnName, String serviceName, KeyGroupRange range,
      int maxParallelism) {
    this.db = db;
    this.column = db.columnFamily(columnName);
    this.serviceName = serviceName;
    this.range = range;
    this.maxParallelism = maxParallelism;
    this.caches = (KeyGroupCache<K, N>[]) new KeyGroupCache<?, ?>[range.size()];
    this.order =
        new TreeSet<>(
            (a, b) -> {
              int byTime = Long.compare(caches[a].head.time(), caches[b].head.time());
              return byTime != 0
                  ? byTime
                  : ROW_ORDER.compare(caches[a].rows.first(), caches[b].rows.first());
            });
    // A database restored from an incremental checkpoint already holds timers.
    try (RocksIterator it = db.newIterator(column)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        size++;
      }
    }
    for (int offset = 0; offset < caches.length; offset++) {
      caches[offset] = new KeyGroupCache<>();
      refill(offset, null);
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public InternalTimer<K, N> peek() {
    return order.isEmpty() ? null : caches[order.first()].head;
  }

  @Override
  public boolean add(K key, N namespace, long time) {
    int offset = writeRow(key, namespace, time);
    byte[] row = rowKey.toByteArray();
    if (exists(row)) {
      return false;
    }
    db.put(column, row, EMPTY);
    size++;
    KeyGroupCache<K, N> cache = caches[offset];
    if (cache.complete || ROW_ORDER.compare(row, cache.rows.last()) < 0) {
      // Among the first rows of its key group: the cache must hold it.
      unlink(offset);
      cache.rows.add(row);
      if (cache.rows.size() > CACHED_ROWS) {
        cache.rows.pollLast();
        cache.complete = false;
      }
      link(offset);
    }
    return true;
  }

  @Override
  public void remove(K key, N namespace, long time) {
    int offset = writeRow(key, namespace, time);
    byte[] row = rowKey.toByteArray();
    if (!exists(row)) {
      return;
    }
    db.delete(column, row, row.length);
    size--;
    KeyGroupCache<K, N> cache = caches[offset];
    if (!cache.rows.isEmpty() && ROW_ORDER.compare(row, cache.rows.last()) <= 0) {
      unlink(offset);
      cache.rows.remove(row);
      if (cache.rows.isEmpty() && !cache.complete) {
        refill(offset, row);
      } else {
        link(offset);
      }
    }
  }

  @Override
  public InternalTimer<K, N> poll() {
    if (order.isEmpty()) {
      return null;
    }
    int offset = order.first();
    KeyGroupCache<K, N> cache = caches[offset];
    InternalTimer<K, N> timer = cache.head;
    unlink(offset);
    byte[] row = cache.rows.pollFirst();
    db.delete(column, row, row.length);
    size--;
    if (cache.rows.isEmpty() && !cache.complete) {
      refill(offset, row);
    } else {
      link(offset);
    }
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

  /** Reads this queue's rows through a RocksDB snapshot taken now, not from the heap cache. */
  @Override
  public FrozenTimers<K, N> freeze(KeyGroupRange frozenRange) {
    RocksDbReadSnapshot snapshot = new RocksDbReadSnapshot(db);
    TypeSerializer<Object> frozenKeys = keys.duplicate();
    TypeSerializer<Object> frozenNamespaces = namespaces.duplicate();
    DataInputDeserializer in = new DataInputDeserializer();
    return new FrozenTimers<>() {
      @Override
      public void forEachInKeyGroup(int keyGroup, Consumer<InternalTimer<K, N>> action) {
        try (RocksIterator it = snapshot.newIterator(column)) {
          for (it.seek(RocksDbDatabase.keyGroupPrefix(keyGroup));
              it.isValid() && RocksDbDatabase.keyGroupOf(it.key()) == keyGroup;
              it.next()) {
            action.accept(decode(it.key(), in, frozenKeys, frozenNamespaces));
          }
        }
      }

      @Override
      public void close() {
        snapshot.close();
      }
    };
  }

  private boolean exists(byte[] row) {
    try {
      return db.db().get(column, row) != null;
    } catch (RocksDBException e) {
      throw db.failed("read a timer", e);
    }
  }

  /**
   * Reads the first rows of a key group into its empty cache: from {@code after} (a row just
   * deleted: every row before it is gone) or from the key group's start.
   */
  private void refill(int offset, byte[] after) {
    KeyGroupCache<K, N> cache = caches[offset];
    int keyGroup = range.first() + offset;
    try (RocksIterator it = db.newIterator(column)) {
      it.seek(after == null ? RocksDbDatabase.keyGroupPrefix(keyGroup) : after);
      while (it.isValid()
          && RocksDbDatabase.keyGroupOf(it.key()) == keyGroup
          && cache.rows.size() < CACHED_ROWS) {
        cache.rows.add(it.key());
        it.next();
      }
      cache.complete =
          cache.rows.size() < CACHED_ROWS
              || !it.isValid()
              || RocksDbDatabase.keyGroupOf(it.key()) != keyGroup;
    }
    link(offset);
  }

  /** Puts a key group with timers into the order, decoding its earliest timer. */
  private void link(int offset) {
    KeyGroupCache<K, N> cache = caches[offset];
    if (!cache.rows.isEmpty()) {
      cache.head = decode(cache.rows.first());
      order.add(offset);
    }
  }

  /** Takes a key group out of the order (which compares heads) before its rows change. */
  private void unlink(int offset) {
    KeyGroupCache<K, N> cache = caches[offset];
    if (cache.head != null) {
      order.remove(offset);
      cache.head = null;
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
    return decode(row, rowIn, keys, namespaces);
  }

  @SuppressWarnings("unchecked")
  private InternalTimer<K, N> decode(
      byte[] row,
      DataInputDeserializer in,
      TypeSerializer<Object> keySerializer,
      TypeSerializer<Object> namespaceSerializer) {
    try {
      int skip = RocksDbDatabase.KEY_GROUP_BYTES;
      in.setBuffer(row, skip, row.length - skip);
      long time = in.readLong() ^ Long.MIN_VALUE;
      K key = (K) keySerializer.deserialize(in);
      N namespace = (N) namespaceSerializer.deserialize(in);
      return InternalTimer.of(key, namespace, time);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Timers of service '" + serviceName + "' are unreadable: " + e.getMessage(), e);
    }
  }
}
