package io.strom.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.KeyGroups;
import io.strom.runtime.state.VoidNamespace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests of what only the heap backend offers; the contract of all backends is tested in {@code
 * KeyedStateBackendContractTest}.
 */
class HeapKeyedStateBackendTest {
  private static final int MAX_PARALLELISM = 128;

  private final HeapKeyedStateBackend<String> backend =
      new HeapKeyedStateBackend<>(
          new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM, () -> 0L);

  @Test
  void entriesAreVisitedInTheirKeyGroup() {
    InternalValueState<String, VoidNamespace, Integer> state =
        backend.valueState(new ValueStateDescriptor<>("v", Types.INT));
    for (int i = 0; i < 500; i++) {
      state.update("k" + i, VoidNamespace.INSTANCE, i);
    }
    List<String> visited = new ArrayList<>();
    for (int group = 0; group < MAX_PARALLELISM; group++) {
      int expectedGroup = group;
      backend.forEachEntry(
          "v",
          group,
          (key, namespace, value, timestamp) -> {
            assertThat(KeyGroups.keyGroupOf(key, MAX_PARALLELISM)).isEqualTo(expectedGroup);
            assertThat(value).isEqualTo(Integer.parseInt(key.substring(1)));
            visited.add(key);
          });
    }
    assertThat(visited).hasSize(500).doesNotHaveDuplicates();
  }
}
