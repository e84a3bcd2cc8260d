package io.strom.runtime.state.rocksdb;

import java.util.concurrent.atomic.AtomicBoolean;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * A RocksDB snapshot of a backend's database: reads through it see the database as it was when
 * the snapshot was taken, whatever the task writes later. Taking one costs no copy (RocksDB only
 * keeps the older row versions it needs alive), so the task's thread takes it in the synchronous
 * part of a checkpoint and a snapshot thread reads through it.
 *
 * <p>Created on the task's thread; read on one snapshot thread; {@link #close} may run on either,
 * more than once. The database releases snapshots still open when it closes, but a snapshot must
 * not be read after that: the task waits for its snapshot writes before closing its state.
 */
final class RocksDbReadSnapshot implements AutoCloseable {
  private final RocksDbDatabase db;
  private final Snapshot snapshot;
  private final ReadOptions readOptions;
  private final AtomicBoolean released = new AtomicBoolean();

  RocksDbReadSnapshot(RocksDbDatabase db) {
    this.db = db;
    this.snapshot = db.db().getSnapshot();
    // Rows read once by a checkpoint would only push the task's working set out of the cache.
    this.readOptions = new ReadOptions().setSnapshot(snapshot).setFillCache(false);
    db.register(this);
  }

  /** An iterator over {@code cf} as of the snapshot; the caller closes it. */
  RocksIterator newIterator(ColumnFamilyHandle cf) {
    checkOpen();
    return db.db().newIterator(cf, readOptions);
  }

  /** The value of a row as of the snapshot, or null. */
  byte[] get(ColumnFamilyHandle cf, byte[] rowKey) {
    checkOpen();
    try {
      return db.db().get(cf, readOptions, rowKey);
    } catch (RocksDBException e) {
      throw db.failed("read a snapshot", e);
    }
  }

  private void checkOpen() {
    if (released.get()) {
      throw new IllegalStateException(
          "The RocksDB snapshot of " + db.directory() + " was released (checkpoint canceled)");
    }
  }

  @Override
  public void close() {
    if (released.compareAndSet(false, true)) {
      db.unregister(this);
      db.db().releaseSnapshot(snapshot);
      readOptions.close();
      snapshot.close();
    }
  }
}
