package io.strom.runtime.state.rocksdb;

import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.DynamicSerializer;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * One RocksDB instance of a keyed state backend with its column families, and the buffers every
 * state access reuses, so reads and writes do not allocate for keys.
 *
 * <p>Row keys are {@code short keyGroup | key | namespace [| user key]}: the key group first, so
 * the rows of one key group are contiguous and a key group range can be read or dropped on its own
 * (checkpoints, rescaling). Keys and namespaces use the self-describing {@link DynamicSerializer},
 * whose encodings are prefix-free, so the rows of one (key, namespace) are also contiguous.
 *
 * <p>Used only on the task's thread, except that snapshot threads read through {@link
 * RocksDbReadSnapshot}s (RocksDB itself is thread-safe; the snapshot registry is too).
 */
final class RocksDbDatabase implements AutoCloseable {
  static {
    RocksDB.loadLibrary();
  }

  /** The bytes of the key group prefix of every row key. */
  static final int KEY_GROUP_BYTES = 2;

  private final Path directory;
  private final KeyGroupRange keyGroupRange;
  private final int maxParallelism;
  private final RocksDbSharedMemory memory;
  private final StringAppendOperator appendOperator = new StringAppendOperator("");
  private final BlockBasedTableConfig tableConfig = new BlockBasedTableConfig();
  private final ColumnFamilyOptions columnOptions;
  private final DBOptions dbOptions;
  private final WriteOptions writeOptions;
  private final RocksDB db;
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private final Map<String, ColumnFamilyHandle> columnFamilies = new HashMap<>();
  /** Snapshots not released yet; released before the database closes. */
  private final Set<RocksDbReadSnapshot> openSnapshots = ConcurrentHashMap.newKeySet();

  final TypeSerializer<Object> keys = new DynamicSerializer();
  final TypeSerializer<Object> namespaces = new DynamicSerializer();
  /** The row key of the current access. */
  final DataOutputSerializer keyOut = new DataOutputSerializer(64);
  /** The value of the current write. */
  final DataOutputSerializer valueOut = new DataOutputSerializer(128);
  /** Reads the value of the current read, over {@link #readBuffer}. */
  final DataInputDeserializer valueIn = new DataInputDeserializer();
  private byte[] readBuffer = new byte[256];

  /**
   * Opens (creating) the database in {@code directory}; opens every column family found there, so
   * a directory restored from an incremental checkpoint comes back whole.
   *
   * @param memory the task's shared memory budget, or null for RocksDB's own defaults
   */
  RocksDbDatabase(
      Path directory, KeyGroupRange keyGroupRange, int maxParallelism, RocksDbSharedMemory memory)
      throws IOException {
    if (maxParallelism > 1 << 15) {
      throw new IllegalArgumentException(
          "The rocksdb state backend supports a max parallelism up to 32768, not "
              + maxParallelism);
    }
    this.directory = directory;
    this.keyGroupRange = keyGroupRange;
    this.maxParallelism = maxParallelism;
    this.memory = memory;
    if (memory != null) {
      memory.acquire();
      tableConfig
          .setBlockCache(memory.cache())
          .setCacheIndexAndFilterBlocks(true)
          .setCacheIndexAndFilterBlocksWithHighPriority(true)
          .setPinL0FilterAndIndexBlocksInCache(true);
    }
    this.columnOptions =
        new ColumnFamilyOptions()
            .setMergeOperator(appendOperator)
            .setTableFormatConfig(tableConfig);
    this.dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setMaxBackgroundJobs(2);
    if (memory != null) {
      dbOptions.setWriteBufferManager(memory.writeBufferManager());
    }
    // Checkpoints, not a write-ahead log, make state durable: a failed task restores from one.
    this.writeOptions = new WriteOptions().setDisableWAL(true);
    try {
      Files.createDirectories(directory);
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : existingColumnFamilies(directory)) {
        descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
      }
      if (descriptors.isEmpty()) {
        descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions));
      }
      this.db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
    } catch (RocksDBException e) {
      closeOptions();
      throw new IOException(
          "Could not open RocksDB in " + directory + ": " + e.getMessage(), e);
    }
    for (ColumnFamilyHandle handle : handles) {
      columnFamilies.put(nameOf(handle), handle);
    }
  }

  private static String nameOf(ColumnFamilyHandle handle) {
    try {
      return new String(handle.getName(), StandardCharsets.UTF_8);
    } catch (RocksDBException e) {
      throw new IllegalStateException("Bug: a column family handle has no name", e);
    }
  }

  private static List<byte[]> existingColumnFamilies(Path directory) throws RocksDBException {
    if (!Files.exists(directory.resolve("CURRENT"))) {
      return List.of();
    }
    try (Options options = new Options()) {
      return RocksDB.listColumnFamilies(options, directory.toString());
    }
  }

  Path directory() {
    return directory;
  }

  RocksDB db() {
    return db;
  }

  KeyGroupRange keyGroupRange() {
    return keyGroupRange;
  }

  int maxParallelism() {
    return maxParallelism;
  }

  /** The column family of that name, created when missing. */
  ColumnFamilyHandle columnFamily(String name) {
    ColumnFamilyHandle handle = columnFamilies.get(name);
    if (handle == null) {
      try {
        handle =
            db.createColumnFamily(
                new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), columnOptions));
      } catch (RocksDBException e) {
        throw failed("create the column family of '" + name + "'", e);
      }
      handles.add(handle);
      columnFamilies.put(name, handle);
    }
    return handle;
  }

  /** The handles of every column family, for flushes. */
  List<ColumnFamilyHandle> columnFamilyHandles() {
    return List.copyOf(handles);
  }

  /** The names of the column families of the database. */
  Set<String> columnFamilyNames() {
    return Collections.unmodifiableSet(columnFamilies.keySet());
  }

  // ---- row keys ----

  /** Starts {@link #keyOut} with the key group of {@code key}, checking it belongs here. */
  void startKey(Object key, String stateName) {
    int keyGroup = KeyGroups.keyGroupOf(key, maxParallelism);
    if (!keyGroupRange.contains(keyGroup)) {
      throw new IllegalStateException(
          "Bug: key '" + key + "' of state '" + stateName + "' belongs to key group " + keyGroup
              + ", outside this subtask's key groups [" + keyGroupRange.first() + ", "
              + keyGroupRange.last() + "]; the record was routed to the wrong subtask"
              + " (inconsistent partitioning or a key whose hashCode is not stable).");
    }
    keyOut.clear();
    keyOut.writeShort(keyGroup);
    serialize(keys, key, keyOut, stateName);
  }

  /** Writes {@code short keyGroup | key | namespace} into {@link #keyOut}. */
  void writeKey(Object key, Object namespace, String stateName) {
    startKey(key, stateName);
    serialize(namespaces, namespace, keyOut, stateName);
  }

  static <T> void serialize(
      TypeSerializer<T> serializer, T value, DataOutputSerializer out, String stateName) {
    try {
      serializer.serialize(value, out);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "State '" + stateName + "' could not serialize " + value + ": " + e.getMessage(), e);
    }
  }

  /** The key group prefix of a row key. */
  static int keyGroupOf(byte[] rowKey) {
    return ((rowKey[0] & 0xff) << 8) | (rowKey[1] & 0xff);
  }

  static byte[] keyGroupPrefix(int keyGroup) {
    return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
  }

  // ---- raw access with the current row key ----

  /**
   * Reads the value of the row in {@link #keyOut} into {@link #valueIn}; returns false when the
   * row does not exist.
   */
  boolean read(ColumnFamilyHandle cf) {
    try {
      int n = db.get(cf, keyOut.buffer(), 0, keyOut.length(), readBuffer, 0, readBuffer.length);
      if (n == RocksDB.NOT_FOUND) {
        return false;
      }
      if (n > readBuffer.length) {
        readBuffer = new byte[Math.max(n, readBuffer.length * 2)];
        n = db.get(cf, keyOut.buffer(), 0, keyOut.length(), readBuffer, 0, readBuffer.length);
      }
      valueIn.setBuffer(readBuffer, 0, n);
      return true;
    } catch (RocksDBException e) {
      throw failed("read", e);
    }
  }

  /** Appends what {@link #valueIn} has not read yet of the value read last, as stored. */
  void copyRemainingValue(DataOutputSerializer out) {
    out.write(readBuffer, valueIn.position(), valueIn.available());
  }

  /** Writes {@link #valueOut} to the row in {@link #keyOut}. */
  void put(ColumnFamilyHandle cf) {
    try {
      db.put(
          cf, writeOptions, keyOut.buffer(), 0, keyOut.length(), valueOut.buffer(), 0,
          valueOut.length());
    } catch (RocksDBException e) {
      throw failed("write", e);
    }
  }

  /** Appends {@link #valueOut} to the row in {@link #keyOut} without reading it. */
  void append(ColumnFamilyHandle cf) {
    try {
      db.merge(
          cf, writeOptions, keyOut.buffer(), 0, keyOut.length(), valueOut.buffer(), 0,
          valueOut.length());
    } catch (RocksDBException e) {
      throw failed("append", e);
    }
  }

  /** Writes a batch of rows at once. */
  void write(WriteBatch batch) {
    try {
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw failed("write", e);
    }
  }

  void delete(ColumnFamilyHandle cf) {
    delete(cf, keyOut.buffer(), keyOut.length());
  }

  void delete(ColumnFamilyHandle cf, byte[] rowKey, int length) {
    try {
      db.delete(cf, writeOptions, rowKey, 0, length);
    } catch (RocksDBException e) {
      throw failed("delete", e);
    }
  }

  void put(ColumnFamilyHandle cf, byte[] rowKey, byte[] value) {
    try {
      db.put(cf, writeOptions, rowKey, value);
    } catch (RocksDBException e) {
      throw failed("write", e);
    }
  }

  void register(RocksDbReadSnapshot snapshot) {
    openSnapshots.add(snapshot);
  }

  void unregister(RocksDbReadSnapshot snapshot) {
    openSnapshots.remove(snapshot);
  }

  RocksIterator newIterator(ColumnFamilyHandle cf) {
    return db.newIterator(cf);
  }

  /**
   * Deletes every row of the key groups outside this database's range from the given column
   * families (after a restore at another parallelism).
   */
  void dropKeyGroupsOutsideRange(Iterable<ColumnFamilyHandle> keyGroupColumns) {
    byte[] lowest = keyGroupPrefix(0);
    byte[] first = keyGroupPrefix(keyGroupRange.first());
    byte[] afterLast = keyGroupPrefix(Math.min(keyGroupRange.last() + 1, 0xffff));
    byte[] end = {(byte) 0xff, (byte) 0xff};
    try {
      for (ColumnFamilyHandle cf : keyGroupColumns) {
        if (keyGroupRange.first() > 0) {
          db.deleteRange(cf, writeOptions, lowest, first);
        }
        db.deleteRange(cf, writeOptions, afterLast, end);
      }
    } catch (RocksDBException e) {
      throw failed("drop the key groups of other subtasks", e);
    }
  }

  RuntimeException failed(String what, RocksDBException e) {
    return new IllegalStateException(
        "RocksDB in " + directory + " failed to " + what + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    for (RocksDbReadSnapshot snapshot : List.copyOf(openSnapshots)) {
      snapshot.close();
    }
    for (ColumnFamilyHandle handle : handles) {
      handle.close();
    }
    handles.clear();
    columnFamilies.clear();
    db.close();
    closeOptions();
  }

  private void closeOptions() {
    writeOptions.close();
    dbOptions.close();
    columnOptions.close();
    appendOperator.close();
    if (memory != null) {
      memory.release();
    }
  }
}
