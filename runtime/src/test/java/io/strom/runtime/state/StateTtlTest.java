package io.strom.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.state.AggregatingStateDescriptor;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.state.StateDescriptor;
import io.strom.api.state.StateTtlConfig;
import io.strom.api.state.StateTtlConfig.StateVisibility;
import io.strom.api.state.StateTtlConfig.UpdateType;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Tests of state time-to-live on a manual clock, for every keyed state backend. */
@ParameterizedClass
@EnumSource(StateBackendKind.class)
class StateTtlTest {
  private static final VoidNamespace NS = VoidNamespace.INSTANCE;
  private static final long TTL = 100;

  private long now = 1_000;
  private final CheckpointableKeyedStateBackend<String> backend;

  StateTtlTest(StateBackendKind kind) {
    backend = kind.create(new KeyGroupRange(0, 127), 128, () -> now);
  }

  @AfterEach
  void closeBackend() {
    backend.close();
  }

  private static <D extends StateDescriptor<?>> D withTtl(
      D descriptor, UpdateType update, StateVisibility visibility) {
    descriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(Duration.ofMillis(TTL))
            .setUpdateType(update)
            .setStateVisibility(visibility)
            .build());
    return descriptor;
  }

  private InternalValueState<String, VoidNamespace, String> valueState(
      UpdateType update, StateVisibility visibility) {
    return backend.valueState(
        withTtl(new ValueStateDescriptor<>("v", Types.STRING), update, visibility));
  }

  @Test
  void valueExpiresTtlAfterItsLastWriteWhenReadsDoNotRenew() {
    InternalValueState<String, VoidNamespace, String> state =
        valueState(UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED);
    state.update("a", NS, "x");
    now += 60;
    assertThat(state.get("a", NS)).isEqualTo("x");
    now += 39;
    assertThat(state.get("a", NS)).isEqualTo("x");
    now += 1;
    assertThat(state.get("a", NS)).isNull();
    assertThat(backend.entryCount("v")).isZero();
  }

  @Test
  void writeRenewsTheLifetime() {
    InternalValueState<String, VoidNamespace, String> state =
        valueState(UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED);
    state.update("a", NS, "x");
    now += 90;
    state.update("a", NS, "y");
    now += 90;
    assertThat(state.get("a", NS)).isEqualTo("y");
  }

  @Test
  void readRenewsTheLifetimeWhenConfiguredOnReadAndWrite() {
    InternalValueState<String, VoidNamespace, String> state =
        valueState(UpdateType.ON_READ_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED);
    state.update("a", NS, "x");
    for (int i = 0; i < 5; i++) {
      now += 90;
      assertThat(state.get("a", NS)).isEqualTo("x");
    }
    now += 100;
    assertThat(state.get("a", NS)).isNull();
  }

  @Test
  void expiredValueIsReturnedOnceWhenVisibilityAllowsIt() {
    InternalValueState<String, VoidNamespace, String> state =
        valueState(
            UpdateType.ON_CREATE_AND_WRITE, StateVisibility.RETURN_EXPIRED_IF_NOT_CLEANED_UP);
    state.update("a", NS, "x");
    now += 500;
    assertThat(state.get("a", NS)).isEqualTo("x");
    assertThat(state.get("a", NS)).isNull();
  }

  @Test
  void listElementsExpireEachOnTheirOwn() {
    InternalListState<String, VoidNamespace, String> state =
        backend.listState(
            withTtl(
                new ListStateDescriptor<>("l", Types.STRING),
                UpdateType.ON_CREATE_AND_WRITE,
                StateVisibility.NEVER_RETURN_EXPIRED));
    state.add("a", NS, "old");
    now += 50;
    state.addAll("a", NS, List.of("new1", "new2"));
    now += 50;
    assertThat(state.get("a", NS)).containsExactly("new1", "new2");
    now += 50;
    assertThat(state.get("a", NS)).isNull();
    assertThat(backend.entryCount("l")).isZero();
  }

  @Test
  void expiredListElementsAreReturnedOnceWhenVisibilityAllowsIt() {
    InternalListState<String, VoidNamespace, String> state =
        backend.listState(
            withTtl(
                new ListStateDescriptor<>("l", Types.STRING),
                UpdateType.ON_CREATE_AND_WRITE,
                StateVisibility.RETURN_EXPIRED_IF_NOT_CLEANED_UP));
    state.add("a", NS, "old");
    now += 50;
    state.add("a", NS, "new");
    now += 50;
    assertThat(state.get("a", NS)).containsExactly("old", "new");
    assertThat(state.get("a", NS)).containsExactly("new");
  }

  @Test
  void mapEntriesExpireEachOnTheirOwnAndReadsRenewThem() {
    InternalMapState<String, VoidNamespace, String, Integer> state =
        backend.mapState(
            withTtl(
                new MapStateDescriptor<>("m", Types.STRING, Types.INT),
                UpdateType.ON_READ_AND_WRITE,
                StateVisibility.NEVER_RETURN_EXPIRED));
    state.put("a", NS, "read", 1);
    state.put("a", NS, "idle", 2);
    now += 60;
    assertThat(state.get("a", NS, "read")).isEqualTo(1);
    now += 60;

    assertThat(state.contains("a", NS, "idle")).isFalse();
    assertThat(toMap(state.entries("a", NS))).containsExactly(Map.entry("read", 1));
    now += 100;
    assertThat(state.isEmpty("a", NS)).isTrue();
    assertThat(backend.entryCount("m")).isZero();
  }

  @Test
  void mapIterationReturnsExpiredEntriesOnceWhenVisibilityAllowsIt() {
    InternalMapState<String, VoidNamespace, String, Integer> state =
        backend.mapState(
            withTtl(
                new MapStateDescriptor<>("m", Types.STRING, Types.INT),
                UpdateType.ON_CREATE_AND_WRITE,
                StateVisibility.RETURN_EXPIRED_IF_NOT_CLEANED_UP));
    state.put("a", NS, "old", 1);
    now += 50;
    state.put("a", NS, "new", 2);
    now += 50;
    assertThat(toMap(state.entries("a", NS)))
        .containsOnly(Map.entry("old", 1), Map.entry("new", 2));
    assertThat(toMap(state.entries("a", NS))).containsOnly(Map.entry("new", 2));
  }

  @Test
  void reducingAfterExpiryStartsAfresh() throws Exception {
    InternalReducingState<String, VoidNamespace, Long> state =
        backend.reducingState(
            withTtl(
                new ReducingStateDescriptor<>("r", Long::sum, Types.LONG),
                UpdateType.ON_CREATE_AND_WRITE,
                StateVisibility.RETURN_EXPIRED_IF_NOT_CLEANED_UP));
    state.add("a", NS, 5L);
    state.add("a", NS, 5L);
    now += TTL;
    state.add("a", NS, 1L);
    assertThat(state.get("a", NS)).isEqualTo(1L);
  }

  @Test
  void aggregatingAfterExpiryStartsFromAFreshAccumulator() throws Exception {
    InternalAggregatingState<String, VoidNamespace, Long, long[], String> state =
        backend.aggregatingState(
            withTtl(
                new AggregatingStateDescriptor<>(
                    "agg", new KeyedStateBackendContractTest.CountAndSum(), Types.generic()),
                UpdateType.ON_CREATE_AND_WRITE,
                StateVisibility.NEVER_RETURN_EXPIRED));
    state.add("a", NS, 5L);
    now += TTL;
    state.add("a", NS, 1L);
    assertThat(state.get("a", NS)).isEqualTo("1/1");
  }

  @Test
  void incrementalCleanupEventuallyRemovesKeysThatAreNeverReadAgain() {
    InternalValueState<String, VoidNamespace, String> state =
        valueState(UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED);
    for (int i = 0; i < 1_000; i++) {
      state.update("idle" + i, NS, "x");
    }
    now += TTL;
    int accesses = 0;
    while (backend.entryCount("v") > 1 && accesses < 10_000) {
      state.update("active", NS, "y");
      accesses++;
    }
    assertThat(backend.entryCount("v")).isEqualTo(1);
    assertThat(state.get("active", NS)).isEqualTo("y");
    // Bounded work per access: far fewer than one full scan per access was needed.
    assertThat(accesses).isLessThan(1_000);
  }

  @Test
  void incrementalCleanupDropsExpiredListElementsAndMapEntriesOfIdleKeys() {
    InternalListState<String, VoidNamespace, String> list =
        backend.listState(
            withTtl(
                new ListStateDescriptor<>("l", Types.STRING),
                UpdateType.ON_CREATE_AND_WRITE,
                StateVisibility.NEVER_RETURN_EXPIRED));
    InternalMapState<String, VoidNamespace, String, Integer> map =
        backend.mapState(
            withTtl(
                new MapStateDescriptor<>("m", Types.STRING, Types.INT),
                UpdateType.ON_CREATE_AND_WRITE,
                StateVisibility.NEVER_RETURN_EXPIRED));
    for (int i = 0; i < 200; i++) {
      list.add("idle" + i, NS, "x");
      map.put("idle" + i, NS, "k", i);
    }
    now += TTL;
    for (int i = 0; i < 2_000; i++) {
      list.add("active", NS, "y");
      map.put("active", NS, "k" + (i % 3), i);
    }
    assertThat(backend.entryCount("l")).isEqualTo(1);
    assertThat(backend.entryCount("m")).isEqualTo(1);
  }

  @Test
  void incrementalCleanupKeepsEveryLiveEntryReachable() {
    InternalValueState<String, VoidNamespace, String> state =
        valueState(UpdateType.ON_CREATE_AND_WRITE, StateVisibility.NEVER_RETURN_EXPIRED);
    for (int i = 0; i < 2_000; i++) {
      state.update("old" + i, NS, "x");
    }
    now += 60;
    for (int i = 0; i < 2_000; i++) {
      state.update("young" + i, NS, "y" + i);
    }
    now += 40;
    for (int i = 0; i < 5_000; i++) {
      state.update("young0", NS, "y0");
    }
    assertThat(backend.entryCount("v")).isEqualTo(2_000);
    for (int i = 0; i < 2_000; i++) {
      assertThat(state.get("young" + i, NS)).isEqualTo("y" + i);
    }
  }

  @Test
  void mapIteratorRemovalWorksWithTtl() {
    InternalMapState<String, VoidNamespace, String, Integer> state =
        backend.mapState(
            withTtl(
                new MapStateDescriptor<>("m", Types.STRING, Types.INT),
                UpdateType.ON_CREATE_AND_WRITE,
                StateVisibility.NEVER_RETURN_EXPIRED));
    state.put("a", NS, "x", 1);
    state.put("a", NS, "y", 2);
    Iterator<Map.Entry<String, Integer>> it = state.entries("a", NS).iterator();
    while (it.hasNext()) {
      Map.Entry<String, Integer> entry = it.next();
      if (entry.getKey().equals("x")) {
        it.remove();
      } else {
        entry.setValue(20);
      }
    }
    assertThat(state.contains("a", NS, "x")).isFalse();
    assertThat(state.get("a", NS, "y")).isEqualTo(20);
  }

  @Test
  void stateWithoutTtlNeverExpires() {
    InternalValueState<String, VoidNamespace, String> state =
        backend.valueState(new ValueStateDescriptor<>("plain", Types.STRING));
    state.update("a", NS, "x");
    now += 1_000_000_000L;
    assertThat(state.get("a", NS)).isEqualTo("x");
  }

  private static <K, V> Map<K, V> toMap(Iterable<Map.Entry<K, V>> entries) {
    Map<K, V> map = new HashMap<>();
    List<K> seen = new ArrayList<>();
    for (Map.Entry<K, V> e : entries) {
      seen.add(e.getKey());
      map.put(e.getKey(), e.getValue());
    }
    assertThat(seen).doesNotHaveDuplicates();
    return map;
  }
}
