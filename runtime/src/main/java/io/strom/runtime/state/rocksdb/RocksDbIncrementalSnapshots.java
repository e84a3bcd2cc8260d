package io.strom.runtime.state.rocksdb;

import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.checkpoint.NativeKeyedState;
import io.strom.runtime.checkpoint.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.rocksdb.Checkpoint;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDBException;

/**
 * Incremental checkpoints of one RocksDB backend. The synchronous part, on the task's thread,
 * flushes the memtables and makes a RocksDB checkpoint: a local folder of hard links to the table
 * files plus copies of the small manifest and options files. The rest runs on a snapshot thread:
 * table files already stored for the latest checkpoint known to be complete are referenced again;
 * only new ones are copied into the job's shared folder; the other files go into the checkpoint's
 * own folder. Table files never change once written, so a file with the same name is the same
 * file.
 *
 * <p>{@link #prepare} and {@link #confirm} are called on the task's thread; {@link
 * PreparedSnapshot#upload} on a snapshot thread.
 */
public final class RocksDbIncrementalSnapshots {
  private static final String TABLE_FILE_SUFFIX = ".sst";

  private final RocksDbDatabase db;
  /** What each checkpoint stored, by local file name, until it is confirmed or superseded. */
  private final Map<Long, Map<String, StateFile>> uploads = new ConcurrentHashMap<>();
  /** The table files of the latest confirmed checkpoint, which later ones may reference. */
  private volatile Base base = Base.NONE;

  /** A completed checkpoint and its table files by local name. */
  private record Base(long checkpointId, Map<String, StateFile> tableFiles) {
    static final Base NONE = new Base(-1, Map.of());
  }

  RocksDbIncrementalSnapshots(RocksDbDatabase db) {
    this.db = db;
  }

  /**
   * After a restore from an incremental checkpoint of the same job, with the database's files as
   * they were: its table files are already stored and are referenced, not copied again.
   */
  void useRestoredFiles(long checkpointId, NativeKeyedState restored) {
    Map<String, StateFile> tables = new HashMap<>();
    for (StateFile file : restored.files()) {
      if (file.isShared()) {
        tables.put(file.localName(), file);
      }
    }
    base = new Base(checkpointId, Map.copyOf(tables));
  }

  /** The synchronous part of checkpoint {@code checkpointId}: a local, hard-linked copy. */
  public PreparedSnapshot prepare(long checkpointId) throws IOException {
    Path local = db.directory().resolve("snapshot-" + checkpointId);
    LocalFiles.deleteRecursively(local);
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true);
        Checkpoint checkpoint = Checkpoint.create(db.db())) {
      db.db().flush(flush, db.columnFamilyHandles());
      checkpoint.createCheckpoint(local.toString());
    } catch (RocksDBException e) {
      LocalFiles.deleteRecursively(local);
      throw new IOException(
          "RocksDB in " + db.directory() + " could not take a checkpoint: " + e.getMessage(), e);
    }
    return new PreparedSnapshot(checkpointId, local, base);
  }

  /** Checkpoint {@code checkpointId} completed: later ones may reference its table files. */
  public void confirm(long checkpointId) {
    Map<String, StateFile> stored = uploads.get(checkpointId);
    if (stored != null && checkpointId > base.checkpointId()) {
      base = new Base(checkpointId, stored);
    }
    uploads.keySet().removeIf(id -> id <= checkpointId);
  }

  /** The table files later checkpoints would reference, by local name; for tests. */
  Map<String, StateFile> reusableFiles() {
    return base.tableFiles();
  }

  /** A local snapshot waiting to be stored. */
  public final class PreparedSnapshot {
    private final long checkpointId;
    private final Path local;
    private final Base reusable;
    private volatile boolean canceled;

    private PreparedSnapshot(long checkpointId, Path local, Base reusable) {
      this.checkpointId = checkpointId;
      this.local = local;
      this.reusable = reusable;
    }

    /**
     * Stores the snapshot's files: new table files into the shared folder, the others into the
     * checkpoint's folder under {@code owner}; deletes the local copy. When it fails or is
     * canceled, it deletes the shared files it stored, which nothing else knows of. Runs on a
     * snapshot thread.
     */
    public NativeKeyedState upload(CheckpointStorage storage, String owner) throws IOException {
      List<StateFile> copiedShared = new ArrayList<>();
      try {
        List<StateFile> files = new ArrayList<>();
        Map<String, StateFile> tables = new HashMap<>();
        for (Path file : list(local)) {
          if (canceled) {
            throw new IOException("The upload of checkpoint " + checkpointId + " was canceled");
          }
          String name = file.getFileName().toString();
          StateFile stored;
          if (name.endsWith(TABLE_FILE_SUFFIX)) {
            stored = reusable.tableFiles().get(name);
            if (stored == null) {
              String path = StateFile.SHARED_FOLDER + "/" + UUID.randomUUID() + TABLE_FILE_SUFFIX;
              stored = storage.copyIn(file, path, name);
              copiedShared.add(stored);
            }
            tables.put(name, stored);
          } else {
            String path = "chk-" + checkpointId + "/" + owner + "/" + name;
            stored = storage.copyIn(file, path, name);
          }
          files.add(stored);
        }
        uploads.put(checkpointId, Map.copyOf(tables));
        return new NativeKeyedState(files, reusable.checkpointId());
      } catch (IOException | RuntimeException e) {
        copiedShared.forEach(storage::delete);
        throw e;
      } finally {
        LocalFiles.deleteRecursively(local);
      }
    }

    /** Makes a running {@link #upload} stop before its next file. Safe from any thread. */
    public void cancel() {
      canceled = true;
    }

    /** Drops the local copy without storing it. */
    public void discard() {
      LocalFiles.deleteRecursively(local);
    }
  }

  private static List<Path> list(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
