package io.strom.runtime.state;

import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.runtime.state.rocksdb.RocksDbKeyedStateBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.LongSupplier;

/** The keyed state backends the backend contract tests run against. */
public enum StateBackendKind {
  HEAP {
    @Override
    public <K> CheckpointableKeyedStateBackend<K> create(
        KeyGroupRange range, int maxParallelism, LongSupplier clock) {
      return new HeapKeyedStateBackend<>(range, maxParallelism, clock);
    }
  },
  ROCKSDB {
    @Override
    public <K> CheckpointableKeyedStateBackend<K> create(
        KeyGroupRange range, int maxParallelism, LongSupplier clock) {
      try {
        // The backend deletes its directory when closed.
        return new RocksDbKeyedStateBackend<>(
            range, maxParallelism, clock, Files.createTempDirectory("strom-rocksdb-test"), null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  /** A new, empty backend; the caller closes it. */
  public abstract <K> CheckpointableKeyedStateBackend<K> create(
      KeyGroupRange range, int maxParallelism, LongSupplier clock);
}
