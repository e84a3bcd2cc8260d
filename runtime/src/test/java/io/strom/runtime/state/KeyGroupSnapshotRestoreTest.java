package io.strom.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.StateTtlConfig;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.runtime.testutils.ManualProcessingTimeService;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.TimerServiceManager;
import io.strom.runtime.time.Triggerable;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keyed state and timers written per key group and read back, whole or in part, for every keyed
 * state backend, and across backends.
 */
@ParameterizedClass
@EnumSource(StateBackendKind.class)
class KeyGroupSnapshotRestoreTest {
  private static final int MAX_PARALLELISM = 128;
  private static final int KEYS = 300;

  private final StateBackendKind kind;
  private final List<Subtask> created = new ArrayList<>();

  KeyGroupSnapshotRestoreTest(StateBackendKind kind) {
    this.kind = kind;
  }

  @AfterEach
  void closeBackends() {
    created.forEach(s -> s.backend.close());
  }

  private final ManualProcessingTimeService clock = new ManualProcessingTimeService(1_000);
  private final ValueStateDescriptor<Long> count = new ValueStateDescriptor<>("count", Types.LONG);
  private final ListStateDescriptor<String> items = new ListStateDescriptor<>("items", Types.STRING);
  private final MapStateDescriptor<String, Long> attrs =
      new MapStateDescriptor<>("attrs", Types.STRING, Types.LONG);
  private final ValueStateDescriptor<String> expiring =
      new ValueStateDescriptor<>("expiring", Types.STRING);

  {
    expiring.enableTimeToLive(StateTtlConfig.newBuilder(Duration.ofSeconds(10)).build());
  }

  /** One subtask's keyed state and timers. */
  private final class Subtask implements Triggerable<String, VoidNamespace> {
    final CheckpointableKeyedStateBackend<String> backend;
    final TimerServiceManager<String> timers;
    final Set<String> fired = new TreeSet<>();

    Subtask(KeyGroupRange range) {
      this(kind, range);
    }

    Subtask(StateBackendKind backendKind, KeyGroupRange range) {
      backend = backendKind.create(range, MAX_PARALLELISM, clock::currentProcessingTime);
      timers = new TimerServiceManager<>(range, MAX_PARALLELISM, clock);
      created.add(this);
    }

    InternalValueState<String, VoidNamespace, Long> count() {
      return backend.valueState(count);
    }

    InternalListState<String, VoidNamespace, String> items() {
      return backend.listState(items);
    }

    InternalMapState<String, VoidNamespace, String, Long> attrs() {
      return backend.mapState(attrs);
    }

    InternalTimerService<String, VoidNamespace> timerService() {
      return timers.getTimerService("user-timers", this);
    }

    @Override
    public void onEventTime(String key, VoidNamespace namespace, long time) {
      fired.add(key);
    }

    @Override
    public void onProcessingTime(String key, VoidNamespace namespace, long time) {
      fired.add(key);
    }

    Map<Integer, byte[]> snapshot() throws Exception {
      Map<Integer, byte[]> sections = new HashMap<>();
      KeyGroupRange range = backend.keyGroupRange();
      for (int kg = range.first(); kg <= range.last(); kg++) {
        DataOutputSerializer out = new DataOutputSerializer(64);
        backend.snapshotKeyGroup(kg, out);
        timers.snapshotKeyGroup(kg, out);
        sections.put(kg, out.toByteArray());
      }
      return sections;
    }

    void restore(Map<Integer, byte[]> sections) throws Exception {
      KeyGroupRange range = backend.keyGroupRange();
      for (int kg = range.first(); kg <= range.last(); kg++) {
        DataInputDeserializer in = new DataInputDeserializer(sections.get(kg));
        backend.restoreKeyGroup(kg, in);
        timers.restoreKeyGroup(kg, in);
      }
    }
  }

  private static String key(int i) {
    return "key-" + i;
  }

  private Subtask filledSubtask() {
    return filledSubtask(kind);
  }

  private Subtask filledSubtask(StateBackendKind backendKind) {
    Subtask s = new Subtask(backendKind, new KeyGroupRange(0, MAX_PARALLELISM - 1));
    for (int i = 0; i < KEYS; i++) {
      String k = key(i);
      s.count().update(k, VoidNamespace.INSTANCE, (long) i);
      s.items().add(k, VoidNamespace.INSTANCE, "a" + i);
      s.items().add(k, VoidNamespace.INSTANCE, "b" + i);
      s.attrs().put(k, VoidNamespace.INSTANCE, "x", (long) i * 10);
      s.backend.valueState(expiring).update(k, VoidNamespace.INSTANCE, "e" + i);
      s.timerService().registerEventTimeTimer(k, VoidNamespace.INSTANCE, 100 + i);
    }
    return s;
  }

  private void assertHoldsExactlyKeysOf(Subtask s, KeyGroupRange range) throws Exception {
    int expectedKeys = 0;
    for (int i = 0; i < KEYS; i++) {
      String k = key(i);
      boolean mine = range.contains(KeyGroups.keyGroupOf(k, MAX_PARALLELISM));
      if (!mine) {
        continue;
      }
      expectedKeys++;
      assertThat(s.count().get(k, VoidNamespace.INSTANCE)).isEqualTo(i);
      assertThat(s.items().get(k, VoidNamespace.INSTANCE)).containsExactly("a" + i, "b" + i);
      assertThat(s.attrs().get(k, VoidNamespace.INSTANCE, "x")).isEqualTo(i * 10L);
      assertThat(s.backend.valueState(expiring).get(k, VoidNamespace.INSTANCE)).isEqualTo("e" + i);
    }
    assertThat(s.backend.entryCount("count")).isEqualTo(expectedKeys);
    s.timerService();
    s.timers.advanceWatermark(Long.MAX_VALUE);
    assertThat(s.fired).hasSize(expectedKeys);
    for (String k : s.fired) {
      assertThat(range.contains(KeyGroups.keyGroupOf(k, MAX_PARALLELISM))).isTrue();
    }
  }

  @Test
  void restoresEveryStateKindAndTimersAcrossTwoSmallerRanges() throws Exception {
    Map<Integer, byte[]> sections = filledSubtask().snapshot();

    KeyGroupRange lower = KeyGroups.rangeOf(MAX_PARALLELISM, 2, 0);
    KeyGroupRange upper = KeyGroups.rangeOf(MAX_PARALLELISM, 2, 1);
    Subtask first = new Subtask(lower);
    first.restore(sections); // states declared after the restore
    Subtask second = new Subtask(upper);
    second.count();
    second.items();
    second.attrs();
    second.timerService();
    second.restore(sections); // states declared before the restore

    assertHoldsExactlyKeysOf(first, lower);
    assertHoldsExactlyKeysOf(second, upper);
  }

  @Test
  void restoresASubsetOfKeyGroups() throws Exception {
    Map<Integer, byte[]> sections = filledSubtask().snapshot();
    KeyGroupRange subset = new KeyGroupRange(10, 20);
    Subtask s = new Subtask(subset);
    s.restore(sections);
    assertHoldsExactlyKeysOf(s, subset);
  }

  @Test
  void stateRestoredButNotDeclaredAgainSurvivesTheNextCheckpoint() throws Exception {
    Map<Integer, byte[]> sections = filledSubtask().snapshot();
    Subtask middle = new Subtask(new KeyGroupRange(0, MAX_PARALLELISM - 1));
    middle.restore(sections);
    middle.count(); // only "count" is declared again; the rest stays as restored bytes

    Subtask last = new Subtask(new KeyGroupRange(0, MAX_PARALLELISM - 1));
    last.restore(middle.snapshot());

    assertHoldsExactlyKeysOf(last, new KeyGroupRange(0, MAX_PARALLELISM - 1));
  }

  @Test
  void tellsWhichRestoredStatesAreNotDeclaredYet() throws Exception {
    Map<Integer, byte[]> sections = filledSubtask().snapshot();
    Subtask s = new Subtask(new KeyGroupRange(0, MAX_PARALLELISM - 1));
    s.restore(sections);
    assertThat(s.backend.hasUndeclaredRestoredState("count")).isTrue();
    assertThat(s.backend.hasUndeclaredRestoredState("never-written")).isFalse();
    s.count();
    assertThat(s.backend.hasUndeclaredRestoredState("count")).isFalse();
    assertThat(s.backend.hasUndeclaredRestoredState("items")).isTrue();
  }

  @Test
  void writtenSnapshotDoesNotSeeLaterChanges() throws Exception {
    Subtask s = filledSubtask();
    Map<Integer, byte[]> sections = s.snapshot();
    s.count().update(key(1), VoidNamespace.INSTANCE, -1L);
    s.items().add(key(1), VoidNamespace.INSTANCE, "late");

    Subtask restored = new Subtask(new KeyGroupRange(0, MAX_PARALLELISM - 1));
    restored.restore(sections);
    assertThat(restored.count().get(key(1), VoidNamespace.INSTANCE)).isEqualTo(1L);
    assertThat(restored.items().get(key(1), VoidNamespace.INSTANCE)).containsExactly("a1", "b1");
  }

  @Test
  void declaringARestoredStateAsAnotherKindFailsClearly() throws Exception {
    Map<Integer, byte[]> sections = filledSubtask().snapshot();
    Subtask s = new Subtask(new KeyGroupRange(0, MAX_PARALLELISM - 1));
    s.restore(sections);
    assertThatThrownBy(
            () -> s.backend.listState(new ListStateDescriptor<>("count", Types.LONG)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'count' was restored from a checkpoint as value state")
        .hasMessageContaining("declared as list state");
  }

  @Test
  void emptyKeyGroupsTakeOnlyTheirCounts() throws Exception {
    Subtask empty = new Subtask(new KeyGroupRange(0, 3));
    empty.count();
    for (byte[] section : empty.snapshot().values()) {
      assertThat(section).hasSize(8);
    }
  }

  @Test
  void restoresTheCheckpointOfEveryOtherBackendAtAnotherParallelism() throws Exception {
    for (StateBackendKind writer : StateBackendKind.values()) {
      Map<Integer, byte[]> sections = filledSubtask(writer).snapshot();
      KeyGroupRange upper = KeyGroups.rangeOf(MAX_PARALLELISM, 2, 1);
      Subtask restored = new Subtask(upper);
      restored.restore(sections);
      assertHoldsExactlyKeysOf(restored, upper);
    }
  }

  @Test
  void snapshotsOfEqualStateAreEqualBytesAcrossBackends() throws Exception {
    Map<Integer, byte[]> mine = filledSubtask().snapshot();
    for (StateBackendKind other : StateBackendKind.values()) {
      Map<Integer, byte[]> theirs = filledSubtask(other).snapshot();
      for (int kg = 0; kg < MAX_PARALLELISM; kg++) {
        assertThat(mine.get(kg)).hasSameSizeAs(theirs.get(kg));
      }
    }
  }
}
