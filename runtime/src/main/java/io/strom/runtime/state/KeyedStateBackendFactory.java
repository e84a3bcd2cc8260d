package io.strom.runtime.state;

import io.strom.configuration.Configuration;
import io.strom.configuration.StateBackendOptions;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.runtime.checkpoint.KeyedStateHandle;
import io.strom.runtime.state.rocksdb.RocksDbKeyedStateBackend;
import io.strom.runtime.state.rocksdb.RocksDbNativeRestore;
import io.strom.runtime.state.rocksdb.RocksDbSharedMemory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Creates the keyed state backends of one task as {@code state.backend.type} says. The RocksDB
 * backends of a task share one memory budget ({@link RocksDbSharedMemory}).
 *
 * <p>Used only on the task's thread.
 */
public final class KeyedStateBackendFactory {

  /** The state backends Strom has. */
  public enum Type {
    HASHMAP,
    ROCKSDB;

    /**
     * Reads {@code state.backend.type}: {@code hashmap} or {@code rocksdb}, and the names Flink
     * also accepts for them (its old {@code jobmanager} and {@code filesystem}, and class names).
     *
     * @throws IllegalArgumentException for another name, saying which ones exist
     */
    public static Type of(Configuration configuration) {
      String name = configuration.get(StateBackendOptions.TYPE);
      String normalized = name.trim().toLowerCase(Locale.ROOT);
      if (normalized.contains("rocksdb")) {
        return ROCKSDB;
      }
      if (normalized.equals("hashmap")
          || normalized.equals("jobmanager")
          || normalized.equals("filesystem")
          || normalized.endsWith("hashmapstatebackend")) {
        return HASHMAP;
      }
      throw new IllegalArgumentException(
          "Unknown " + StateBackendOptions.TYPE.key() + " '" + name + "': Strom supports"
              + " 'hashmap' (state on the JVM heap) and 'rocksdb' (state on local disk)");
    }
  }

  private final Type type;
  private final Configuration configuration;
  private RocksDbSharedMemory memory;

  public KeyedStateBackendFactory(Configuration configuration) {
    this.configuration = configuration;
    this.type = Type.of(configuration);
  }

  public Type type() {
    return type;
  }

  /**
   * A new, empty backend over {@code range}; the caller closes it.
   *
   * @param owner names the working directory of a RocksDB backend (job, operator, subtask)
   */
  public <K> CheckpointableKeyedStateBackend<K> create(
      KeyGroupRange range, int maxParallelism, LongSupplier clock, String owner)
      throws IOException {
    if (type == Type.HASHMAP) {
      return new HeapKeyedStateBackend<>(range, maxParallelism, clock);
    }
    return new RocksDbKeyedStateBackend<>(
        range, maxParallelism, clock, workingDirectory(owner), sharedMemory());
  }

  /**
   * A backend over {@code range} holding the states of incremental checkpoint handles (RocksDB's
   * own files); the caller closes it.
   *
   * @param sameJob whether the checkpoint was taken by the running job, whose later checkpoints
   *     may then reference its files
   * @throws IllegalStateException when this job does not use the rocksdb backend
   */
  public <K> CheckpointableKeyedStateBackend<K> restoreNative(
      KeyGroupRange range,
      int maxParallelism,
      LongSupplier clock,
      String owner,
      Path checkpointDirectory,
      long checkpointId,
      List<KeyedStateHandle> handles,
      boolean sameJob)
      throws IOException {
    checkCanRestoreNative(checkpointDirectory.getFileName().toString());
    return RocksDbNativeRestore.restore(
        range, maxParallelism, clock, workingDirectory(owner), sharedMemory(),
        checkpointDirectory, checkpointId, handles, sameJob);
  }

  /**
   * Checks that this job's backend can restore an incremental checkpoint.
   *
   * @throws IllegalStateException when it is not the rocksdb backend, saying what to do
   */
  public void checkCanRestoreNative(String checkpointName) {
    if (type != Type.ROCKSDB) {
      throw new IllegalStateException(
          "Checkpoint " + checkpointName + " is an incremental checkpoint of the rocksdb state"
              + " backend, which only that backend can restore, but this job uses "
              + StateBackendOptions.TYPE.key() + " = '"
              + configuration.get(StateBackendOptions.TYPE) + "'. Set it to 'rocksdb', or start"
              + " from a savepoint, which every backend can restore.");
    }
  }

  private Path workingDirectory(String owner) {
    String base = configuration.get(StateBackendOptions.ROCKSDB_LOCAL_DIR);
    if (base == null) {
      base = System.getProperty("java.io.tmpdir");
    }
    String safe = owner.replaceAll("[^A-Za-z0-9_.-]", "_");
    return Path.of(base).resolve("strom-rocksdb-" + safe + "-" + UUID.randomUUID());
  }

  /** The task's memory budget, or null when RocksDB's memory is not bounded. */
  private RocksDbSharedMemory sharedMemory() {
    if (!configuration.get(StateBackendOptions.ROCKSDB_MEMORY_MANAGED)) {
      return null;
    }
    if (memory == null || memory.isReleased()) {
      memory =
          new RocksDbSharedMemory(
              configuration.get(StateBackendOptions.ROCKSDB_MEMORY_FIXED_PER_SLOT).bytes(),
              configuration.get(StateBackendOptions.ROCKSDB_WRITE_BUFFER_RATIO));
    }
    return memory;
  }
}
