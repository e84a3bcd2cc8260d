package io.strom.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.functions.AggregateFunction;
import io.strom.api.state.AggregatingStateDescriptor;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract of every keyed state backend: the five state kinds without time-to-live. */
@ParameterizedClass
@EnumSource(StateBackendKind.class)
class KeyedStateBackendContractTest {
  private static final int MAX_PARALLELISM = 128;

  private final StateBackendKind kind;
  private final CheckpointableKeyedStateBackend<String> backend;

  KeyedStateBackendContractTest(StateBackendKind kind) {
    this.kind = kind;
    this.backend = kind.create(new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM, () -> 0L);
  }

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  /** Sums longs and reports the count and sum as "count/sum". */
  static class CountAndSum implements AggregateFunction<Long, long[], String> {
    @Override
    public long[] createAccumulator() {
      return new long[2];
    }

    @Override
    public long[] add(Long value, long[] acc) {
      acc[0]++;
      acc[1] += value;
      return acc;
    }

    @Override
    public String getResult(long[] acc) {
      return acc[0] + "/" + acc[1];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }
  }

  @Test
  void valueStateKeepsOneValuePerKeyAndNamespace() {
    InternalValueState<String, Long, Integer> state =
        backend.valueState(new ValueStateDescriptor<>("v", Types.INT));
    state.update("a", 1L, 10);
    state.update("a", 2L, 20);
    state.update("b", 1L, 30);

    assertThat(state.get("a", 1L)).isEqualTo(10);
    assertThat(state.get("a", 2L)).isEqualTo(20);
    assertThat(state.get("b", 1L)).isEqualTo(30);
    assertThat(state.get("b", 2L)).isNull();

    state.clear("a", 1L);
    state.update("b", 1L, null);
    assertThat(state.get("a", 1L)).isNull();
    assertThat(state.get("b", 1L)).isNull();
    assertThat(state.get("a", 2L)).isEqualTo(20);
    assertThat(backend.entryCount("v")).isEqualTo(1);
  }

  @Test
  void listStateKeepsOneListPerKeyAndNamespace() {
    InternalListState<String, VoidNamespace, String> state =
        backend.listState(new ListStateDescriptor<>("l", Types.STRING));
    VoidNamespace ns = VoidNamespace.INSTANCE;
    state.add("a", ns, "x");
    state.addAll("a", ns, List.of("y", "z"));
    state.add("b", ns, "w");

    assertThat(state.get("a", ns)).containsExactly("x", "y", "z");
    assertThat(state.get("b", ns)).containsExactly("w");
    assertThat(state.get("c", ns)).isNull();

    state.update("a", ns, List.of("q"));
    assertThat(state.get("a", ns)).containsExactly("q");
    state.update("a", ns, List.of());
    assertThat(state.get("a", ns)).isNull();
    assertThat(backend.entryCount("l")).isEqualTo(1);
  }

  @Test
  void listStateSeparatesNamespacesOfOneKey() {
    InternalListState<String, Long, String> state =
        backend.listState(new ListStateDescriptor<>("l", Types.STRING));
    state.add("a", 1L, "one");
    state.add("a", 2L, "two");
    assertThat(state.get("a", 1L)).containsExactly("one");
    assertThat(state.get("a", 2L)).containsExactly("two");
  }

  @Test
  void mapStateKeepsOneMapPerKeyAndNamespace() {
    InternalMapState<String, Long, String, Integer> state =
        backend.mapState(new MapStateDescriptor<>("m", Types.STRING, Types.INT));
    state.put("a", 1L, "x", 1);
    state.put("a", 2L, "x", 2);
    state.put("b", 1L, "y", 3);

    assertThat(state.get("a", 1L, "x")).isEqualTo(1);
    assertThat(state.get("a", 2L, "x")).isEqualTo(2);
    assertThat(state.contains("a", 1L, "y")).isFalse();
    assertThat(state.contains("b", 1L, "y")).isTrue();
    assertThat(state.isEmpty("b", 2L)).isTrue();

    state.remove("b", 1L, "y");
    assertThat(state.isEmpty("b", 1L)).isTrue();
    assertThat(backend.entryCount("m")).isEqualTo(2);
  }

  @Test
  void mapIteratorRemovalRemovesFromStateAndDropsTheEmptiedMap() {
    InternalMapState<String, VoidNamespace, String, Integer> state =
        backend.mapState(new MapStateDescriptor<>("m", Types.STRING, Types.INT));
    VoidNamespace ns = VoidNamespace.INSTANCE;
    state.put("a", ns, "x", 1);
    state.put("a", ns, "y", 2);

    for (Iterator<Map.Entry<String, Integer>> it = state.entries("a", ns).iterator();
        it.hasNext(); ) {
      if (it.next().getKey().equals("x")) {
        it.remove();
      }
    }
    assertThat(state.contains("a", ns, "x")).isFalse();
    assertThat(state.get("a", ns, "y")).isEqualTo(2);

    Iterator<Map.Entry<String, Integer>> it = state.entries("a", ns).iterator();
    it.next();
    it.remove();
    assertThat(state.isEmpty("a", ns)).isTrue();
    assertThat(backend.entryCount("m")).isZero();
  }

  @Test
  void reducingStateReducesPerKeyAndNamespace() throws Exception {
    InternalReducingState<String, Long, Long> state =
        backend.reducingState(new ReducingStateDescriptor<>("r", Long::sum, Types.LONG));
    state.add("a", 1L, 1L);
    state.add("a", 1L, 2L);
    state.add("a", 2L, 5L);
    state.add("b", 1L, 7L);

    assertThat(state.get("a", 1L)).isEqualTo(3L);
    assertThat(state.get("a", 2L)).isEqualTo(5L);
    assertThat(state.get("b", 1L)).isEqualTo(7L);
    assertThat(state.get("b", 2L)).isNull();
  }

  @Test
  void aggregatingStateAccumulatesPerKeyAndNamespace() throws Exception {
    InternalAggregatingState<String, Long, Long, long[], String> state =
        backend.aggregatingState(
            new AggregatingStateDescriptor<>("agg", new CountAndSum(), Types.generic()));
    state.add("a", 1L, 10L);
    state.add("a", 1L, 20L);
    state.add("a", 2L, 1L);

    assertThat(state.get("a", 1L)).isEqualTo("2/30");
    assertThat(state.get("a", 2L)).isEqualTo("1/1");
    assertThat(state.get("b", 1L)).isNull();
    assertThat(state.getAccumulator("a", 1L)).containsExactly(2L, 30L);
  }

  @Test
  void failingUserFunctionLeavesStoredValuesUnchanged() throws Exception {
    InternalReducingState<String, Long, Long> reducing =
        backend.reducingState(
            new ReducingStateDescriptor<Long>(
                "r",
                (x, y) -> {
                  throw new IllegalArgumentException("boom");
                },
                Types.LONG));
    AggregateFunction<Long, long[], String> failing =
        new CountAndSum() {
          @Override
          public long[] add(Long value, long[] acc) {
            throw new IllegalArgumentException("boom");
          }
        };
    InternalAggregatingState<String, Long, Long, long[], String> agg =
        backend.aggregatingState(new AggregatingStateDescriptor<>("agg", failing, Types.generic()));

    reducing.add("a", 1L, 1L);
    assertThatThrownBy(() -> reducing.add("a", 1L, 2L)).hasMessage("boom");
    assertThatThrownBy(() -> agg.add("a", 1L, 1L)).hasMessage("boom");

    assertThat(reducing.get("a", 1L)).isEqualTo(1L);
    assertThat(backend.entryCount("agg")).isZero();
    assertThat(agg.get("a", 1L)).isNull();
  }

  @Test
  void mergingNamespacesCombinesSourcesIntoTargetAndClearsSources() throws Exception {
    InternalListState<String, Long, String> list =
        backend.listState(new ListStateDescriptor<>("l", Types.STRING));
    InternalReducingState<String, Long, Long> sum =
        backend.reducingState(new ReducingStateDescriptor<>("r", Long::sum, Types.LONG));
    InternalAggregatingState<String, Long, Long, long[], String> agg =
        backend.aggregatingState(
            new AggregatingStateDescriptor<>("agg", new CountAndSum(), Types.generic()));
    for (long ns = 1; ns <= 3; ns++) {
      list.add("k", ns, "e" + ns);
      sum.add("k", ns, ns);
      agg.add("k", ns, ns * 10);
    }
    sum.add("other", 2L, 100L);

    list.mergeNamespaces("k", 3L, List.of(1L, 2L));
    sum.mergeNamespaces("k", 9L, List.of(1L, 2L, 3L));
    agg.mergeNamespaces("k", 1L, List.of(1L, 2L, 3L));

    assertThat(list.get("k", 3L)).containsExactlyInAnyOrder("e1", "e2", "e3");
    assertThat(list.get("k", 1L)).isNull();
    assertThat(list.get("k", 2L)).isNull();
    assertThat(sum.get("k", 9L)).isEqualTo(6L);
    assertThat(sum.get("k", 1L)).isNull();
    assertThat(sum.get("other", 2L)).isEqualTo(100L);
    assertThat(agg.get("k", 1L)).isEqualTo("3/60");
    assertThat(agg.get("k", 2L)).isNull();
    assertThat(backend.entryCount("l")).isEqualTo(1);
    assertThat(backend.entryCount("r")).isEqualTo(2);
    assertThat(backend.entryCount("agg")).isEqualTo(1);
  }

  @Test
  void creatingAStateTwiceByNameReturnsTheSameState() {
    ValueStateDescriptor<Integer> descriptor = new ValueStateDescriptor<>("v", Types.INT);
    InternalValueState<String, VoidNamespace, Integer> first = backend.valueState(descriptor);
    InternalValueState<String, VoidNamespace, Integer> second =
        backend.valueState(new ValueStateDescriptor<>("v", Types.INT));
    first.update("a", VoidNamespace.INSTANCE, 1);

    assertThat(second).isSameAs(first);
    assertThat(backend.stateNames()).containsExactly("v");
  }

  @Test
  void reusingANameForAnotherKindFailsNamingBothKinds() {
    backend.valueState(new ValueStateDescriptor<>("s", Types.INT));
    assertThatThrownBy(() -> backend.listState(new ListStateDescriptor<>("s", Types.INT)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'s'")
        .hasMessageContaining("value state")
        .hasMessageContaining("list state");
  }

  @Test
  void keyOutsideTheKeyGroupRangeFailsFastAsABug() {
    int keyGroup = KeyGroups.keyGroupOf("a", MAX_PARALLELISM);
    KeyGroupRange elsewhere =
        keyGroup == 0 ? new KeyGroupRange(1, MAX_PARALLELISM - 1) : new KeyGroupRange(0, 0);
    try (CheckpointableKeyedStateBackend<String> narrow =
        kind.create(elsewhere, MAX_PARALLELISM, () -> 0L)) {
      InternalValueState<String, VoidNamespace, Integer> state =
          narrow.valueState(new ValueStateDescriptor<>("v", Types.INT));

      assertThatThrownBy(() -> state.update("a", VoidNamespace.INSTANCE, 1))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Bug")
          .hasMessageContaining("key group " + keyGroup)
          .hasMessageContaining("wrong subtask");
      assertThatThrownBy(() -> state.get("a", VoidNamespace.INSTANCE))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void randomUpdatesAndRemovalsMatchAHashMap() {
    InternalValueState<String, Integer, Integer> state =
        backend.valueState(new ValueStateDescriptor<>("v", Types.INT));
    Map<String, Integer> expected = new HashMap<>();
    Random random = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      String key = "k" + random.nextInt(2_000);
      int ns = random.nextInt(5);
      if (random.nextInt(3) == 0) {
        state.clear(key, ns);
        expected.remove(key + "/" + ns);
      } else {
        state.update(key, ns, i);
        expected.put(key + "/" + ns, i);
      }
    }
    for (int k = 0; k < 2_000; k++) {
      for (int ns = 0; ns < 5; ns++) {
        assertThat(state.get("k" + k, ns)).isEqualTo(expected.get("k" + k + "/" + ns));
      }
    }
    assertThat(backend.entryCount("v")).isEqualTo(expected.size());
  }
}
