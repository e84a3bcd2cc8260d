package io.strom.runtime.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.checkpoint.KeyedStateHandle;
import io.strom.runtime.checkpoint.NativeKeyedState;
import io.strom.runtime.checkpoint.StateFile;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.VoidNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental checkpoints of the RocksDB backend: a checkpoint after few changes stores only the
 * new table files and references the others, and the stored files restore the database, also
 * split over other key group ranges.
 */
class RocksDbIncrementalCheckpointTest {
  private static final int KEYS = 20_000;
  private static final int VALUE_BYTES = 500;
  private static final int MAX_PARALLELISM = 128;
  private static final ValueStateDescriptor<byte[]> BLOB =
      new ValueStateDescriptor<>("blob", Types.BYTES);

  @TempDir Path work;

  private CheckpointStorage storage() {
    return new CheckpointStorage(work.resolve("checkpoints"), "job-1");
  }

  private RocksDbKeyedStateBackend<Integer> backend(KeyGroupRange range, String name)
      throws Exception {
    return new RocksDbKeyedStateBackend<>(range, MAX_PARALLELISM, () -> 0L, work.resolve(name), null);
  }

  private static byte[] value(int key, int version) {
    byte[] bytes = new byte[VALUE_BYTES];
    new Random(key * 31L + version).nextBytes(bytes); // incompressible
    return bytes;
  }

  private static NativeKeyedState checkpoint(
      RocksDbKeyedStateBackend<Integer> backend, CheckpointStorage storage, long id)
      throws Exception {
    NativeKeyedState state =
        backend.incrementalSnapshots().prepare(id).upload(storage, "op-1-0");
    backend.incrementalSnapshots().confirm(id);
    return state;
  }

  private static Set<String> paths(NativeKeyedState state) {
    return state.files().stream().map(StateFile::path).collect(Collectors.toSet());
  }

  private static long bytesNotIn(NativeKeyedState state, NativeKeyedState earlier) {
    Set<String> old = paths(earlier);
    return state.files().stream()
        .filter(f -> !old.contains(f.path()))
        .mapToLong(StateFile::length)
        .sum();
  }

  @Test
  void checkpointAfterOnePercentOfKeysChangedStoresOnlyTheNewFiles() throws Exception {
    CheckpointStorage storage = storage();
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    NativeKeyedState second;
    try (RocksDbKeyedStateBackend<Integer> backend = backend(all, "db")) {
      InternalValueState<Integer, VoidNamespace, byte[]> blob = backend.valueState(BLOB);
      for (int key = 0; key < KEYS; key++) {
        blob.update(key, VoidNamespace.INSTANCE, value(key, 0));
      }
      NativeKeyedState first = checkpoint(backend, storage, 1);
      for (int key = 0; key < KEYS; key += 100) {
        blob.update(key, VoidNamespace.INSTANCE, value(key, 1));
      }
      second = checkpoint(backend, storage, 2);

      long stateBytes = (long) KEYS * VALUE_BYTES;
      assertThat(first.totalBytes()).isGreaterThan(stateBytes * 9 / 10);
      assertThat(first.baseCheckpointId()).isEqualTo(-1);
      assertThat(second.baseCheckpointId()).isEqualTo(1);
      // 1% of the keys changed: the second checkpoint writes about 1% of the state, plus the
      // small manifest and options files, and references every table file of the first.
      assertThat(bytesNotIn(second, first)).isLessThan(stateBytes / 20);
      assertThat(second.totalBytes()).isGreaterThan(first.totalBytes());
      assertThat(paths(second))
          .containsAll(
              first.files().stream().filter(StateFile::isShared).map(StateFile::path).toList());
      try (var shared = Files.list(storage.sharedDirectory())) {
        assertThat(shared.count())
            .as("each table file is stored once")
            .isEqualTo(second.files().stream().filter(StateFile::isShared).count());
      }
    }

    Path chk2 = storage.checkpointDirectory(2);
    KeyedStateHandle handle = handle(all, second);
    try (RocksDbKeyedStateBackend<Integer> restored =
        RocksDbNativeRestore.restore(
            all, MAX_PARALLELISM, () -> 0L, work.resolve("restored"), null, chk2, 2,
            List.of(handle), true)) {
      InternalValueState<Integer, VoidNamespace, byte[]> blob = restored.valueState(BLOB);
      assertThat(blob.get(0, VoidNamespace.INSTANCE)).isEqualTo(value(0, 1));
      assertThat(blob.get(1, VoidNamespace.INSTANCE)).isEqualTo(value(1, 0));
      assertThat(blob.get(KEYS - 1, VoidNamespace.INSTANCE)).isEqualTo(value(KEYS - 1, 0));
      assertThat(restored.entryCount("blob")).isEqualTo(KEYS);
      // The restored database's table files are stored already: the next checkpoint reuses them.
      assertThat(restored.incrementalSnapshots().reusableFiles()).isNotEmpty();
      NativeKeyedState third = checkpoint(restored, storage, 3);
      assertThat(bytesNotIn(third, second)).isLessThan((long) KEYS * VALUE_BYTES / 20);
    }
  }

  @Test
  void restoreAtAnotherParallelismTakesItsKeyGroupsFromEveryStoredDatabase() throws Exception {
    CheckpointStorage storage = storage();
    KeyGroupRange left = new KeyGroupRange(0, 63);
    KeyGroupRange right = new KeyGroupRange(64, 127);
    NativeKeyedState leftState;
    NativeKeyedState rightState;
    try (RocksDbKeyedStateBackend<Integer> a = backend(left, "a");
        RocksDbKeyedStateBackend<Integer> b = backend(right, "b")) {
      InternalValueState<Integer, VoidNamespace, byte[]> sa = a.valueState(BLOB);
      InternalValueState<Integer, VoidNamespace, byte[]> sb = b.valueState(BLOB);
      for (int key = 0; key < 2_000; key++) {
        (left.contains(keyGroup(key)) ? sa : sb).update(key, VoidNamespace.INSTANCE, value(key, 0));
      }
      leftState = a.incrementalSnapshots().prepare(5).upload(storage, "op-1-0");
      rightState = b.incrementalSnapshots().prepare(5).upload(storage, "op-1-1");
    }

    KeyGroupRange middle = new KeyGroupRange(32, 95);
    try (RocksDbKeyedStateBackend<Integer> restored =
        RocksDbNativeRestore.restore(
            middle, MAX_PARALLELISM, () -> 0L, work.resolve("middle"), null,
            storage.checkpointDirectory(5), 5,
            List.of(handle(left, leftState), handle(right, rightState)), true)) {
      InternalValueState<Integer, VoidNamespace, byte[]> blob = restored.valueState(BLOB);
      long expected = 0;
      for (int key = 0; key < 2_000; key++) {
        if (middle.contains(keyGroup(key))) {
          expected++;
          assertThat(blob.get(key, VoidNamespace.INSTANCE)).isEqualTo(value(key, 0));
        }
      }
      assertThat(expected).isPositive();
      assertThat(restored.entryCount("blob")).isEqualTo(expected);
      assertThat(restored.incrementalSnapshots().reusableFiles())
          .as("a database built from several stored ones has new files")
          .isEmpty();
    }
    try (var left2 = Files.list(work)) {
      assertThat(left2.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("import"));
    }
  }

  @Test
  void missingSharedFileFailsTheRestoreNamingIt() throws Exception {
    CheckpointStorage storage = storage();
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    NativeKeyedState state;
    try (RocksDbKeyedStateBackend<Integer> backend = backend(all, "db")) {
      backend.valueState(BLOB).update(1, VoidNamespace.INSTANCE, value(1, 0));
      state = checkpoint(backend, storage, 1);
    }
    StateFile table =
        state.files().stream().filter(StateFile::isShared).findFirst().orElseThrow();
    Path chk1 = storage.checkpointDirectory(1);
    Files.delete(CheckpointStorage.locate(chk1, table));

    assertThatThrownBy(
            () ->
                RocksDbNativeRestore.restore(
                    all, MAX_PARALLELISM, () -> 0L, work.resolve("restored"), null, chk1, 1,
                    List.of(handle(all, state)), true))
        .hasMessageStartingWith("Checkpoint chk-1 of job job-1 is unreadable: file ")
        .hasMessageContaining(table.path())
        .hasMessageEndingWith(" is missing");
  }

  private static int keyGroup(int key) {
    return io.strom.runtime.state.KeyGroups.keyGroupOf(key, MAX_PARALLELISM);
  }

  /** A handle as a checkpoint would hold it; the timers file is not read by these tests. */
  private static KeyedStateHandle handle(KeyGroupRange range, NativeKeyedState state) {
    return new KeyedStateHandle(
        "unused.state", 0, 0, range.first(), new long[range.size() + 1], state);
  }
}
