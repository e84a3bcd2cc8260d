package io.strom.runtime.state.rocksdb;

import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.checkpoint.KeyedStateHandle;
import io.strom.runtime.checkpoint.NativeKeyedState;
import io.strom.runtime.checkpoint.StateFile;
import io.strom.runtime.state.KeyGroupRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.LongSupplier;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Restores a RocksDB backend from incremental checkpoints, which hold the databases' own files. A
 * subtask that owns exactly the key groups of one stored database (same parallelism) gets that
 * database's files in its working directory and opens it: no row is read. Otherwise (another
 * parallelism) it opens each stored database that holds some of its key groups in a temporary
 * directory and copies the rows of those key groups; the key group prefix of every row makes each
 * key group one contiguous range.
 *
 * <p>Used only on the task's thread, before the operator opens.
 */
public final class RocksDbNativeRestore {
  private static final int ROWS_PER_BATCH = 10_000;

  private RocksDbNativeRestore() {}

  /**
   * A backend over {@code range} with the states of {@code handles}, all of which hold native
   * state.
   *
   * @param sameJob whether the checkpoint belongs to the running job: only then may later
   *     checkpoints reference its shared files
   */
  public static <K> RocksDbKeyedStateBackend<K> restore(
      KeyGroupRange range,
      int maxParallelism,
      LongSupplier clock,
      Path directory,
      RocksDbSharedMemory memory,
      Path checkpointDirectory,
      long checkpointId,
      List<KeyedStateHandle> handles,
      boolean sameJob)
      throws IOException {
    if (handles.size() == 1 && handles.get(0).keyGroupRange().equals(range)) {
      NativeKeyedState stored = handles.get(0).nativeState();
      download(checkpointDirectory, stored, directory);
      RocksDbKeyedStateBackend<K> backend =
          new RocksDbKeyedStateBackend<>(range, maxParallelism, clock, directory, memory);
      if (sameJob) {
        backend.incrementalSnapshots().useRestoredFiles(checkpointId, stored);
      }
      return backend;
    }
    RocksDbKeyedStateBackend<K> backend =
        new RocksDbKeyedStateBackend<>(range, maxParallelism, clock, directory, memory);
    try {
      for (int i = 0; i < handles.size(); i++) {
        Path temporary = directory.resolveSibling(directory.getFileName() + "-import-" + i);
        try {
          download(checkpointDirectory, handles.get(i).nativeState(), temporary);
          copyKeyGroups(temporary, range, maxParallelism, backend.database());
        } finally {
          LocalFiles.deleteRecursively(temporary);
        }
      }
      backend.reloadMeta();
    } catch (IOException | RuntimeException e) {
      backend.close();
      throw e;
    }
    return backend;
  }

  /**
   * Puts the stored files into a new database directory: table files as hard links when the
   * checkpoint directory is on the same file system (RocksDB never changes or appends to them),
   * the others as copies (RocksDB appends to its manifest).
   */
  private static void download(Path checkpointDirectory, NativeKeyedState stored, Path target)
      throws IOException {
    Files.createDirectories(target);
    for (StateFile file : stored.files()) {
      Path source = CheckpointStorage.locate(checkpointDirectory, file);
      Path local = target.resolve(file.localName());
      try {
        if (file.isShared()) {
          linkOrCopy(source, local);
        } else {
          Files.copy(source, local, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (NoSuchFileException e) {
        throw CheckpointStorage.unreadable(
            checkpointDirectory, "file " + source + " is missing", e);
      }
    }
  }

  private static void linkOrCopy(Path source, Path local) throws IOException {
    try {
      Files.createLink(local, source);
    } catch (UnsupportedOperationException | ProviderMismatchException | IOException e) {
      // Not linkable (stored on another file system): copied instead.
      if (e instanceof NoSuchFileException missing) {
        throw missing;
      }
      Files.copy(source, local, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Copies the rows of the key groups in {@code range} of every column family, and the meta rows. */
  private static void copyKeyGroups(
      Path storedDirectory, KeyGroupRange range, int maxParallelism, RocksDbDatabase target)
      throws IOException {
    String defaultColumn = new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8);
    try (RocksDbDatabase stored = new RocksDbDatabase(storedDirectory, range, maxParallelism, null);
        WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
      for (String name : List.copyOf(stored.columnFamilyNames())) {
        if (!name.equals(defaultColumn)) {
          boolean meta = name.equals(RocksDbKeyedStateBackend.META_COLUMN);
          copyRows(stored, target, name, meta ? null : range, noWal);
        }
      }
    } catch (RocksDBException e) {
      throw new IOException("RocksDB could not copy restored rows: " + e.getMessage(), e);
    }
  }

  /** Copies a column family's rows, only those of {@code range} unless it is null. */
  private static void copyRows(
      RocksDbDatabase stored,
      RocksDbDatabase target,
      String column,
      KeyGroupRange range,
      WriteOptions writeOptions)
      throws RocksDBException {
    ColumnFamilyHandle to = target.columnFamily(column);
    try (RocksIterator it = stored.newIterator(stored.columnFamily(column));
        WriteBatch batch = new WriteBatch()) {
      if (range == null) {
        it.seekToFirst();
      } else {
        it.seek(RocksDbDatabase.keyGroupPrefix(range.first()));
      }
      for (; it.isValid(); it.next()) {
        byte[] key = it.key();
        if (range != null && RocksDbDatabase.keyGroupOf(key) > range.last()) {
          break;
        }
        batch.put(to, key, it.value());
        if (batch.count() >= ROWS_PER_BATCH) {
          target.db().write(writeOptions, batch);
          batch.clear();
        }
      }
      if (batch.count() > 0) {
        target.db().write(writeOptions, batch);
      }
    }
  }
}
