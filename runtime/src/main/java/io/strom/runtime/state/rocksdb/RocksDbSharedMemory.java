package io.strom.runtime.state.rocksdb;

import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The memory budget of the RocksDB instances of one task: one block cache and one write buffer
 * manager that charges memtables to that cache, so block cache and write buffers together stay
 * within {@code budgetBytes}. Shared by the task's keyed operators and closed when the last one
 * releases it.
 *
 * <p>Thread-safe (acquire and release may come from the task's thread and a cleanup path).
 */
public final class RocksDbSharedMemory {
  static {
    RocksDB.loadLibrary();
  }

  private final long budgetBytes;
  private final Cache cache;
  private final WriteBufferManager writeBufferManager;
  private int users;
  private boolean closed;

  /**
   * @param budgetBytes block cache and write buffers together
   * @param writeBufferRatio the share of the budget write buffers may take, in (0, 1)
   */
  public RocksDbSharedMemory(long budgetBytes, double writeBufferRatio) {
    if (budgetBytes <= 0) {
      throw new IllegalArgumentException(
          "The RocksDB memory budget must be positive: " + budgetBytes + " bytes; set"
              + " state.backend.rocksdb.memory.fixed-per-slot");
    }
    if (!(writeBufferRatio > 0 && writeBufferRatio < 1)) {
      throw new IllegalArgumentException(
          "state.backend.rocksdb.memory.write-buffer-ratio must be between 0 and 1 (exclusive):"
              + " " + writeBufferRatio);
    }
    this.budgetBytes = budgetBytes;
    // Strict capacity limit off: a read that needs a block still succeeds when the cache is full
    // of pinned blocks, as RocksDB intends for a shared cache.
    this.cache = new LRUCache(budgetBytes, -1, false, 0.1);
    this.writeBufferManager =
        new WriteBufferManager((long) (budgetBytes * writeBufferRatio), cache);
  }

  public long budgetBytes() {
    return budgetBytes;
  }

  Cache cache() {
    return cache;
  }

  WriteBufferManager writeBufferManager() {
    return writeBufferManager;
  }

  /** Whether the last user released this memory, so it cannot be used again. */
  public synchronized boolean isReleased() {
    return closed;
  }

  /** Registers one more RocksDB instance using this memory. */
  synchronized void acquire() {
    if (closed) {
      throw new IllegalStateException("Bug: RocksDB memory used after it was released");
    }
    users++;
  }

  /** Releases one instance's use; the last one frees the native memory. */
  synchronized void release() {
    users--;
    if (users == 0) {
      closed = true;
      writeBufferManager.close();
      cache.close();
    }
  }
}
