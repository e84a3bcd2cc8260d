package io.strom.runtime.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroupSnapshot;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.time.FrozenTimers;
import io.strom.runtime.time.InternalTimer;
import io.strom.runtime.time.TimerQueue;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

/**
 * Full snapshots of the RocksDB backend (savepoints, checkpoints that are not incremental): the
 * task's thread only takes a RocksDB snapshot, a snapshot thread writes the rows as they were at
 * that moment, and the RocksDB snapshot is released afterwards.
 */
class RocksDbFullSnapshotTest {
  private static final int MAX_PARALLELISM = 128;
  private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
  private static final int KEYS = 4_000;
  private static final int VALUE_BYTES = 8 * 1024;
  private static final long STATE_BYTES = (long) KEYS * VALUE_BYTES;

  @TempDir Path directory;

  private final ValueStateDescriptor<byte[]> blob = new ValueStateDescriptor<>("blob", Types.BYTES);
  private final ExecutorService snapshotThread =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "snapshot-thread"));

  @AfterEach
  void stopSnapshotThread() throws InterruptedException {
    snapshotThread.shutdownNow();
    assertThat(snapshotThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void synchronousPartCopiesNoRowsAndTheSnapshotThreadWritesTheStateAsItWasThen()
      throws Exception {
    try (RocksDbKeyedStateBackend<Long> backend = backend("db");
        RocksDbKeyedStateBackend<Long> restored = backend("restored")) {
      InternalValueState<Long, VoidNamespace, byte[]> state = backend.valueState(blob);
      for (long key = 0; key < KEYS; key++) {
        state.update(key, VoidNamespace.INSTANCE, valueOf(key));
      }

      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
      KeyGroupSnapshot snapshot = backend.snapshot();
      long allocatedBySynchronousPart = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
      assertThat(allocatedBySynchronousPart)
          .as("bytes the task's thread allocated for a snapshot of %d bytes", STATE_BYTES)
          .isLessThan(STATE_BYTES / 100);
      assertThat(openSnapshots(backend)).isEqualTo(1);

      // The task goes on while the snapshot is written: none of this may be in it.
      for (long key = 0; key < 100; key++) {
        state.update(key, VoidNamespace.INSTANCE, valueOf(key + 1_000_000));
      }
      state.clear(200L, VoidNamespace.INSTANCE);
      state.update(KEYS + 1L, VoidNamespace.INSTANCE, valueOf(KEYS + 1L));

      InternalValueState<Long, VoidNamespace, byte[]> copy = restored.valueState(blob);
      List<String> writerThreads = new ArrayList<>();
      long written =
          snapshotThread
              .submit(
                  () -> {
                    writerThreads.add(Thread.currentThread().getName());
                    return writeInto(snapshot, restored);
                  })
              .get(1, TimeUnit.MINUTES);
      snapshot.close();
      assertThat(openSnapshots(backend)).as("RocksDB snapshots after the write").isZero();
      assertThat(writerThreads).containsExactly("snapshot-thread");
      assertThat(written).isGreaterThan(STATE_BYTES);

      for (long key = 0; key < KEYS; key++) {
        assertThat(copy.get(key, VoidNamespace.INSTANCE)).as("key %d", key).isEqualTo(valueOf(key));
      }
      assertThat(copy.get(KEYS + 1L, VoidNamespace.INSTANCE)).isNull();
    }
  }

  @Test
  void closingTheBackendReleasesASnapshotThatWasNeverWritten() throws Exception {
    RocksDbKeyedStateBackend<Long> backend = backend("db");
    backend.valueState(blob).update(1L, VoidNamespace.INSTANCE, valueOf(1));
    KeyGroupSnapshot snapshot = backend.snapshot();
    assertThat(openSnapshots(backend)).isEqualTo(1);
    backend.close();
    snapshot.close(); // released already: nothing left to do
    assertThat(directory.resolve("db")).doesNotExist();
  }

  @Test
  void frozenTimersAreTheTimersOfTheMomentTheyWereFrozen() throws Exception {
    try (RocksDbKeyedStateBackend<Long> backend = backend("db")) {
      TimerQueue<Long, VoidNamespace> timers =
          backend.timerQueues().create("window", true, ALL, MAX_PARALLELISM);
      for (long key = 0; key < 50; key++) {
        timers.add(key, VoidNamespace.INSTANCE, 1_000 + key);
      }
      FrozenTimers<Long, VoidNamespace> frozen = timers.freeze(ALL);
      timers.remove(0L, VoidNamespace.INSTANCE, 1_000);
      timers.add(99L, VoidNamespace.INSTANCE, 5_000);

      List<Long> times =
          snapshotThread
              .submit(
                  () -> {
                    List<Long> seen = new ArrayList<>();
                    for (int kg = ALL.first(); kg <= ALL.last(); kg++) {
                      frozen.forEachInKeyGroup(kg, (InternalTimer<Long, VoidNamespace> t) ->
                          seen.add(t.time()));
                    }
                    return seen;
                  })
              .get(1, TimeUnit.MINUTES);
      frozen.close();

      assertThat(times).hasSize(50).contains(1_000L).doesNotContain(5_000L);
      assertThat(openSnapshots(backend)).isZero();
    }
  }

  private RocksDbKeyedStateBackend<Long> backend(String name) throws Exception {
    return new RocksDbKeyedStateBackend<>(
        ALL, MAX_PARALLELISM, () -> 0L, directory.resolve(name), null);
  }

  /**
   * Writes every key group on this thread and restores each into {@code target} (used by no other
   * thread meanwhile), keeping one key group in memory; returns the bytes written.
   */
  private static long writeInto(KeyGroupSnapshot snapshot, RocksDbKeyedStateBackend<Long> target)
      throws Exception {
    long bytes = 0;
    DataOutputSerializer out = new DataOutputSerializer(1024);
    DataInputDeserializer in = new DataInputDeserializer();
    for (int kg = ALL.first(); kg <= ALL.last(); kg++) {
      out.clear();
      snapshot.writeKeyGroup(kg, out);
      bytes += out.length();
      in.setBuffer(out.buffer(), 0, out.length());
      target.restoreKeyGroup(kg, in);
    }
    return bytes;
  }

  private static byte[] valueOf(long key) {
    byte[] value = new byte[VALUE_BYTES];
    new SplittableRandom(key).nextBytes(value);
    return value;
  }

  private static long openSnapshots(RocksDbKeyedStateBackend<?> backend)
      throws RocksDBException {
    return backend.database().db().getLongProperty("rocksdb.num-snapshots");
  }
}
