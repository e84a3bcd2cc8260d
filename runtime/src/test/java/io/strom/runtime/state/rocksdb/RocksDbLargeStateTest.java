package io.strom.runtime.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.VoidNamespace;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

/**
 * Keyed state far larger than the heap it may use: 300 MB of values written through the RocksDB
 * backend with a 16 MB memory budget leave the heap almost untouched, and every value reads back.
 */
class RocksDbLargeStateTest {
  private static final int KEYS = 30_000;
  private static final int VALUE_BYTES = 10 * 1024;
  private static final long STATE_BYTES = (long) KEYS * VALUE_BYTES;

  @TempDir Path directory;

  @Test
  void stateFarLargerThanTheHeapItUsesIsWrittenAndReadBack() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    RocksDbSharedMemory budget = new RocksDbSharedMemory(16 << 20, 0.5);
    try (RocksDbKeyedStateBackend<Integer> backend =
        new RocksDbKeyedStateBackend<>(
            new KeyGroupRange(0, 127), 128, () -> 0L, directory.resolve("db"), budget)) {
      InternalValueState<Integer, VoidNamespace, byte[]> state =
          backend.valueState(new ValueStateDescriptor<>("blob", Types.BYTES));
      long heapBefore = usedHeapAfterGc(memory);

      byte[] value = new byte[VALUE_BYTES];
      Random random = new Random(7);
      for (int key = 0; key < KEYS; key++) {
        random.nextBytes(value); // incompressible, so the disk holds all of it
        value[0] = (byte) key;
        state.update(key, VoidNamespace.INSTANCE, value);
      }
      long heapGrowth = usedHeapAfterGc(memory) - heapBefore;

      assertThat(heapGrowth).as("heap growth").isLessThan(STATE_BYTES / 10);
      assertThat(diskBytes(backend)).isGreaterThan(STATE_BYTES * 9 / 10);
      Random again = new Random(7);
      byte[] expected = new byte[VALUE_BYTES];
      for (int key = 0; key < KEYS; key++) {
        again.nextBytes(expected);
        expected[0] = (byte) key;
        if (key % 97 == 0) {
          assertThat(state.get(key, VoidNamespace.INSTANCE)).as("key %d", key).isEqualTo(expected);
        }
      }
    }
    assertThat(budget.isReleased()).isTrue();
    assertThat(directory.resolve("db")).doesNotExist();
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) {
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** What RocksDB holds: table files plus memtables not flushed yet. */
  private static long diskBytes(RocksDbKeyedStateBackend<?> backend) throws RocksDBException {
    RocksDbDatabase db = backend.database();
    return db.db().getLongProperty(db.columnFamily("state:blob"), "rocksdb.total-sst-files-size")
        + db.db().getLongProperty(db.columnFamily("state:blob"), "rocksdb.cur-size-all-mem-tables");
  }
}
