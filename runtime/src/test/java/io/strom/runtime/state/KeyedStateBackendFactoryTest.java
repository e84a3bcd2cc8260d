package io.strom.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.Configuration;
import io.strom.configuration.MemorySize;
import io.strom.configuration.StateBackendOptions;
import io.strom.runtime.state.KeyedStateBackendFactory.Type;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.runtime.state.rocksdb.RocksDbKeyedStateBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the keyed state backend by configuration, and where RocksDB keeps its files. */
class KeyedStateBackendFactoryTest {
  private static final KeyGroupRange ALL = new KeyGroupRange(0, 127);

  @TempDir Path localDir;

  private static Configuration withType(String type) {
    return new Configuration().set(StateBackendOptions.TYPE, type);
  }

  @Test
  void hashmapIsTheDefault() throws Exception {
    KeyedStateBackendFactory factory = new KeyedStateBackendFactory(new Configuration());
    try (CheckpointableKeyedStateBackend<String> backend =
        factory.create(ALL, 128, () -> 0L, "job-1-0")) {
      assertThat(backend).isInstanceOf(HeapKeyedStateBackend.class);
    }
  }

  @Test
  void acceptsFlinkNamesOfBothBackends() {
    assertThat(Type.of(withType("HashMap"))).isEqualTo(Type.HASHMAP);
    assertThat(Type.of(withType("filesystem"))).isEqualTo(Type.HASHMAP);
    assertThat(Type.of(withType("jobmanager"))).isEqualTo(Type.HASHMAP);
    assertThat(Type.of(withType("rocksdb"))).isEqualTo(Type.ROCKSDB);
    assertThat(
            Type.of(
                withType("org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend")))
        .isEqualTo(Type.ROCKSDB);
    assertThat(Type.of(new Configuration().setString("state.backend", "rocksdb")))
        .isEqualTo(Type.ROCKSDB);
  }

  @Test
  void unknownTypeNamesTheKnownOnes() {
    assertThatThrownBy(() -> new KeyedStateBackendFactory(withType("memory")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Unknown state.backend.type 'memory': Strom supports 'hashmap' (state on the JVM"
                + " heap) and 'rocksdb' (state on local disk)");
  }

  @Test
  void rocksDbWorksInTheLocalDirectoryAndRemovesItsFilesWhenClosed() throws Exception {
    Configuration conf =
        withType("rocksdb").set(StateBackendOptions.ROCKSDB_LOCAL_DIR, localDir.toString());
    KeyedStateBackendFactory factory = new KeyedStateBackendFactory(conf);
    CheckpointableKeyedStateBackend<String> first = factory.create(ALL, 128, () -> 0L, "job/7 0");
    CheckpointableKeyedStateBackend<String> second = factory.create(ALL, 128, () -> 0L, "job/7 1");
    assertThat(first).isInstanceOf(RocksDbKeyedStateBackend.class);
    first.valueState(new ValueStateDescriptor<Long>("v", Types.LONG))
        .update("a", VoidNamespace.INSTANCE, 1L);

    Path firstDir = ((RocksDbKeyedStateBackend<String>) first).directory();
    assertThat(firstDir.getParent()).isEqualTo(localDir);
    assertThat(firstDir.getFileName().toString()).startsWith("strom-rocksdb-job_7_0-");
    assertThat(firstDir.resolve("CURRENT")).exists();

    first.close();
    assertThat(firstDir).doesNotExist();
    // Both share the task's memory budget; it outlives the first backend.
    InternalValueState<String, VoidNamespace, Long> v =
        second.valueState(new ValueStateDescriptor<Long>("v", Types.LONG));
    v.update("b", VoidNamespace.INSTANCE, 2L);
    assertThat(v.get("b", VoidNamespace.INSTANCE)).isEqualTo(2L);
    second.close();
    try (Stream<Path> left = Files.list(localDir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aNonPositiveMemoryBudgetIsRejectedNamingTheOption() {
    Configuration conf =
        withType("rocksdb")
            .set(StateBackendOptions.ROCKSDB_LOCAL_DIR, localDir.toString())
            .set(StateBackendOptions.ROCKSDB_MEMORY_FIXED_PER_SLOT, new MemorySize(0));
    KeyedStateBackendFactory factory = new KeyedStateBackendFactory(conf);
    assertThatThrownBy(() -> factory.create(ALL, 128, () -> 0L, "job-1-0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("state.backend.rocksdb.memory.fixed-per-slot");
  }
}
