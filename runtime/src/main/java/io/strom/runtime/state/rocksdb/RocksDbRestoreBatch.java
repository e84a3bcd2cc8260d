package io.strom.runtime.state.rocksdb;

import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Rows being restored into a RocksDB state, written in batches of bounded size: one native call
 * per batch instead of one per row, while the heap and native memory a restore holds stay bounded
 * whatever the size of the key group.
 *
 * <p>Used only on the task's thread.
 */
final class RocksDbRestoreBatch implements AutoCloseable {
  /** Bytes of rows gathered before they are written. */
  static final long MAX_BATCH_BYTES = 4L << 20;

  private final RocksDbDatabase db;
  private final WriteBatch batch = new WriteBatch();

  RocksDbRestoreBatch(RocksDbDatabase db) {
    this.db = db;
  }

  /** Adds the row in the database's current key and value buffers. */
  void put(ColumnFamilyHandle cf) {
    try {
      batch.put(
          cf,
          Arrays.copyOf(db.keyOut.buffer(), db.keyOut.length()),
          Arrays.copyOf(db.valueOut.buffer(), db.valueOut.length()));
      if (batch.getDataSize() >= MAX_BATCH_BYTES) {
        flush();
      }
    } catch (RocksDBException e) {
      throw db.failed("restore", e);
    }
  }

  /** Writes the rows gathered so far. */
  void flush() {
    if (batch.count() > 0) {
      db.write(batch);
      batch.clear();
    }
  }

  /** Writes what is left and frees the batch. */
  @Override
  public void close() {
    try {
      flush();
    } finally {
      batch.close();
    }
  }
}
