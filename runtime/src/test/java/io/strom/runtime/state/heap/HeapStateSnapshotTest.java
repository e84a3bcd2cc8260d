package io.strom.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.functions.AggregateFunction;
import io.strom.api.state.AggregatingStateDescriptor;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.state.StateTtlConfig;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.tuple.Tuple2;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.api.typeinfo.Types;
import io.strom.runtime.state.InternalAggregatingState;
import io.strom.runtime.state.InternalListState;
import io.strom.runtime.state.InternalMapState;
import io.strom.runtime.state.InternalReducingState;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyGroupRange;
import io.strom.runtime.state.VoidNamespace;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.DataOutputView;
import io.strom.serde.TypeSerializer;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The copy-on-write snapshots of the heap backend: whatever the task does to its state after a
 * snapshot is captured, the snapshot writes the state as it was at capture, and capturing
 * serializes nothing.
 */
class HeapStateSnapshotTest {
  private static final int MAX_PARALLELISM = 8;
  private static final KeyGroupRange ALL = new KeyGroupRange(0, MAX_PARALLELISM - 1);
  private static final VoidNamespace NS = VoidNamespace.INSTANCE;
  private static final TypeInfo<Tuple2<String, Long>> PAIR = Types.tuple(Types.STRING, Types.LONG);

  private final AtomicLong clock = new AtomicLong(1_000);
  private final HeapKeyedStateBackend<String> backend = newBackend();

  private HeapKeyedStateBackend<String> newBackend() {
    return new HeapKeyedStateBackend<>(ALL, MAX_PARALLELISM, clock::get);
  }

  @Test
  void valuesChangedRemovedAndAddedAfterCaptureAreWrittenAsCaptured() throws Exception {
    InternalValueState<String, VoidNamespace, Tuple2<String, Long>> values =
        backend.valueState(new ValueStateDescriptor<>("values", PAIR));
    for (int i = 0; i < 200; i++) {
      values.update("k" + i, NS, Tuple2.of("v" + i, (long) i));
    }
    Map<Integer, byte[]> before = writeSynchronously(backend);
    HeapStateSnapshot snapshot = backend.capture();

    for (int i = 0; i < 200; i++) {
      String key = "k" + i;
      if (i % 4 == 0) {
        values.get(key, NS).f1 += 1000; // in place, without update
      } else if (i % 4 == 1) {
        Tuple2<String, Long> v = values.get(key, NS);
        v.f0 = "changed";
        values.update(key, NS, v);
      } else if (i % 4 == 2) {
        values.clear(key, NS);
      }
    }
    for (int i = 200; i < 1000; i++) {
      values.update("k" + i, NS, Tuple2.of("new", (long) i)); // grows every table
    }

    assertThat(hex(write(snapshot))).isEqualTo(hex(before));
    HeapKeyedStateBackend<String> restored = restore(write(snapshot));
    InternalValueState<String, VoidNamespace, Tuple2<String, Long>> restoredValues =
        restored.valueState(new ValueStateDescriptor<>("values", PAIR));
    for (int i = 0; i < 200; i++) {
      assertThat(restoredValues.get("k" + i, NS)).isEqualTo(Tuple2.of("v" + i, (long) i));
    }
    assertThat(restoredValues.get("k500", NS)).isNull();
    // The task's own view has every change, in-place ones included.
    assertThat(values.get("k0", NS)).isEqualTo(Tuple2.of("v0", 1000L));
    assertThat(values.get("k1", NS)).isEqualTo(Tuple2.of("changed", 1L));
    assertThat(values.get("k2", NS)).isNull();
    assertThat(values.get("k500", NS)).isEqualTo(Tuple2.of("new", 500L));
    snapshot.release();
  }

  @Test
  void nestedValuesChangedInPlaceAreWrittenAsCaptured() throws Exception {
    TypeInfo<Tuple2<String, Tuple2<String, Long>>> nested =
        Types.tuple(Types.STRING, PAIR);
    InternalValueState<String, VoidNamespace, Tuple2<String, Tuple2<String, Long>>> values =
        backend.valueState(new ValueStateDescriptor<>("nested", nested));
    for (int i = 0; i < 50; i++) {
      values.update("k" + i, NS, Tuple2.of("outer", Tuple2.of("inner", (long) i)));
    }
    Map<Integer, byte[]> before = writeSynchronously(backend);

    try (HeapStateSnapshot snapshot = backend.capture()) {
      for (int i = 0; i < 50; i++) {
        Tuple2<String, Long> inner = values.get("k" + i, NS).f1;
        inner.f0 = "mutated";
        inner.f1 = -1L;
      }
      assertThat(hex(write(snapshot))).isEqualTo(hex(before));
    }
    assertThat(values.get("k7", NS).f1).isEqualTo(Tuple2.of("mutated", -1L));
  }

  @Test
  void mapsChangedAfterCaptureAreWrittenAsCaptured() throws Exception {
    InternalMapState<String, VoidNamespace, String, Tuple2<String, Long>> maps =
        backend.mapState(new MapStateDescriptor<>("maps", Types.STRING, PAIR));
    for (int i = 0; i < 60; i++) {
      for (int j = 0; j < 5; j++) {
        maps.put("k" + i, NS, "u" + j, Tuple2.of("v", (long) j));
      }
    }
    Map<Integer, byte[]> before = writeSynchronously(backend);

    try (HeapStateSnapshot snapshot = backend.capture()) {
      for (int i = 0; i < 60; i++) {
        String key = "k" + i;
        maps.get(key, NS, "u0").f1 = 99L;
        maps.put(key, NS, "u1", Tuple2.of("replaced", 1L));
        maps.remove(key, NS, "u2");
        maps.put(key, NS, "added", Tuple2.of("added", 0L));
        Iterator<Map.Entry<String, Tuple2<String, Long>>> it = maps.entries(key, NS).iterator();
        while (it.hasNext()) {
          Map.Entry<String, Tuple2<String, Long>> e = it.next();
          if (e.getKey().equals("u3")) {
            it.remove();
          } else if (e.getKey().equals("u4")) {
            e.setValue(Tuple2.of("set", 4L));
          }
        }
        if (i % 3 == 0) {
          maps.clear(key, NS);
        }
      }
      assertThat(hex(write(snapshot))).isEqualTo(hex(before));

      InternalMapState<String, VoidNamespace, String, Tuple2<String, Long>> restored =
          restore(write(snapshot))
              .mapState(new MapStateDescriptor<>("maps", Types.STRING, PAIR));
      Map<String, Tuple2<String, Long>> k3 = new HashMap<>();
      restored.entries("k3", NS).forEach(e -> k3.put(e.getKey(), e.getValue()));
      assertThat(k3).hasSize(5).containsEntry("u0", Tuple2.of("v", 0L))
          .containsEntry("u4", Tuple2.of("v", 4L));
    }
    assertThat(maps.get("k1", NS, "u0")).isEqualTo(Tuple2.of("v", 99L));
    assertThat(maps.contains("k1", NS, "u3")).isFalse();
    assertThat(maps.get("k1", NS, "u4")).isEqualTo(Tuple2.of("set", 4L));
    assertThat(maps.isEmpty("k3", NS)).isTrue();
  }

  @Test
  void timestampsRenewedOrExpiredAfterCaptureAreWrittenAsCaptured() throws Exception {
    StateTtlConfig ttl =
        StateTtlConfig.newBuilder(Duration.ofSeconds(10)).updateTtlOnReadAndWrite().build();
    MapStateDescriptor<String, Long> mapDescriptor =
        new MapStateDescriptor<>("timed-map", Types.STRING, Types.LONG);
    mapDescriptor.enableTimeToLive(ttl);
    ListStateDescriptor<Tuple2<String, Long>> listDescriptor =
        new ListStateDescriptor<>("timed-list", PAIR);
    listDescriptor.enableTimeToLive(ttl);
    InternalMapState<String, VoidNamespace, String, Long> maps = backend.mapState(mapDescriptor);
    InternalListState<String, VoidNamespace, Tuple2<String, Long>> lists =
        backend.listState(listDescriptor);
    for (int i = 0; i < 40; i++) {
      maps.put("k" + i, NS, "u", (long) i);
      lists.add("k" + i, NS, Tuple2.of("e", (long) i));
    }
    Map<Integer, byte[]> before = writeSynchronously(backend);

    try (HeapStateSnapshot snapshot = backend.capture()) {
      clock.addAndGet(5_000);
      for (int i = 0; i < 20; i++) {
        maps.get("k" + i, NS, "u"); // renews the timestamp in place
        lists.get("k" + i, NS);
      }
      clock.addAndGet(6_000);
      // Every access also cleans up a few expired entries, dropping list elements in place.
      for (int i = 0; i < 200; i++) {
        maps.get("other", NS, "u");
        lists.get("other", NS);
      }
      assertThat(hex(write(snapshot))).isEqualTo(hex(before));
    }
    assertThat(maps.get("k1", NS, "u")).isEqualTo(1L);
    assertThat(maps.get("k30", NS, "u")).isNull();
    assertThat(backend.entryCount("timed-list")).isLessThan(40);
  }

  @Test
  void listsChangedAfterCaptureAreWrittenAsCaptured() throws Exception {
    InternalListState<String, VoidNamespace, Tuple2<String, Long>> lists =
        backend.listState(new ListStateDescriptor<>("lists", PAIR));
    for (int i = 0; i < 60; i++) {
      lists.addAll("k" + i, NS, List.of(Tuple2.of("a", (long) i), Tuple2.of("b", (long) i)));
    }
    Map<Integer, byte[]> before = writeSynchronously(backend);

    try (HeapStateSnapshot snapshot = backend.capture()) {
      for (int i = 0; i < 60; i++) {
        String key = "k" + i;
        switch (i % 4) {
          case 0 -> lists.add(key, NS, Tuple2.of("c", 0L));
          case 1 -> lists.get(key, NS).get(0).f0 = "mutated";
          case 2 -> lists.update(key, NS, List.of(Tuple2.of("only", 0L)));
          default -> lists.clear(key, NS);
        }
      }
      lists.mergeNamespaces("k4", NS, List.of()); // no sources: nothing changes
      assertThat(hex(write(snapshot))).isEqualTo(hex(before));
    }
    assertThat(lists.get("k0", NS)).hasSize(3);
    assertThat(lists.get("k1", NS).get(0).f0).isEqualTo("mutated");
    assertThat(lists.get("k3", NS)).isNull();
  }

  @Test
  void accumulatorsAndReducedValuesChangedInPlaceAreWrittenAsCaptured() throws Exception {
    InternalAggregatingState<String, String, Long, Tuple2<String, Long>, Long> sums =
        backend.aggregatingState(
            new AggregatingStateDescriptor<>("sums", new InPlaceSum(), PAIR));
    InternalReducingState<String, VoidNamespace, Tuple2<String, Long>> reduced =
        backend.reducingState(
            new ReducingStateDescriptor<>(
                "reduced",
                (a, b) -> {
                  a.f1 += b.f1; // reduces into the stored value, as many functions do
                  return a;
                },
                PAIR));
    for (int i = 0; i < 50; i++) {
      sums.add("k" + i, "w1", (long) i);
      sums.add("k" + i, "w2", 1L);
      reduced.add("k" + i, NS, Tuple2.of("r", (long) i));
    }
    Map<Integer, byte[]> before = writeSynchronously(backend);

    try (HeapStateSnapshot snapshot = backend.capture()) {
      for (int i = 0; i < 50; i++) {
        sums.add("k" + i, "w1", 100L);
        reduced.add("k" + i, NS, Tuple2.of("r", 100L));
      }
      for (int i = 0; i < 50; i += 2) {
        // Merging adds one accumulator into another in place.
        sums.mergeNamespaces("k" + i, "w3", List.of("w1", "w2"));
      }
      assertThat(hex(write(snapshot))).isEqualTo(hex(before));
    }
    assertThat(sums.get("k2", "w3")).isEqualTo(103L);
    assertThat(sums.get("k3", "w1")).isEqualTo(103L);
    assertThat(reduced.get("k3", NS).f1).isEqualTo(103L);
  }

  @Test
  void restoredStateDeclaredAfterCaptureIsWrittenAsCaptured() throws Exception {
    InternalValueState<String, VoidNamespace, Tuple2<String, Long>> values =
        backend.valueState(new ValueStateDescriptor<>("values", PAIR));
    for (int i = 0; i < 30; i++) {
      values.update("k" + i, NS, Tuple2.of("v", (long) i));
    }
    HeapKeyedStateBackend<String> restored = restore(writeSynchronously(backend));
    Map<Integer, byte[]> before = writeSynchronously(restored);

    try (HeapStateSnapshot snapshot = restored.capture()) {
      InternalValueState<String, VoidNamespace, Tuple2<String, Long>> declared =
          restored.valueState(new ValueStateDescriptor<>("values", PAIR));
      declared.get("k1", NS).f1 = 1000L;
      declared.update("k100", NS, Tuple2.of("new", 0L));
      assertThat(hex(write(snapshot))).isEqualTo(hex(before));
    }
  }

  @Test
  void captureSerializesNothingAndTheWriterThreadEverything() throws Exception {
    CountingType counting = new CountingType();
    InternalValueState<String, VoidNamespace, Tuple2<String, Long>> values =
        backend.valueState(new ValueStateDescriptor<>("values", counting));
    InternalListState<String, VoidNamespace, Tuple2<String, Long>> lists =
        backend.listState(new ListStateDescriptor<>("lists", counting));
    InternalMapState<String, VoidNamespace, String, Tuple2<String, Long>> maps =
        backend.mapState(new MapStateDescriptor<>("maps", Types.STRING, counting));
    for (int i = 0; i < 100; i++) {
      values.update("k" + i, NS, Tuple2.of("v", (long) i));
      lists.add("k" + i, NS, Tuple2.of("l", (long) i));
      maps.put("k" + i, NS, "u", Tuple2.of("m", (long) i));
    }

    HeapStateSnapshot snapshot = backend.capture();
    String taskThread = Thread.currentThread().getName();
    for (int i = 0; i < 100; i++) {
      values.get("k" + i, NS).f1 = -1L; // copied on write, not serialized
      lists.add("k" + i, NS, Tuple2.of("later", 0L));
    }
    assertThat(counting.serializations).isEmpty();

    Map<Integer, byte[]> written = new HashMap<>();
    Thread writer = new Thread(() -> written.putAll(writeUnchecked(snapshot)), "snapshot-writer");
    writer.start();
    writer.join();
    snapshot.release();

    assertThat(counting.serializations).containsOnlyKeys("snapshot-writer");
    assertThat(counting.serializations.get("snapshot-writer").get()).isEqualTo(300);
    assertThat(counting.serializations).doesNotContainKey(taskThread);
    InternalValueState<String, VoidNamespace, Tuple2<String, Long>> restored =
        restore(written).valueState(new ValueStateDescriptor<>("values", PAIR));
    assertThat(restored.get("k42", NS)).isEqualTo(Tuple2.of("v", 42L));
  }

  @Test
  void clearingEntriesTheSnapshotSharesCopiesNothing() throws Exception {
    CountingType counting = new CountingType();
    InternalValueState<String, VoidNamespace, Tuple2<String, Long>> values =
        backend.valueState(new ValueStateDescriptor<>("values", counting));
    for (int i = 0; i < 100; i++) {
      values.update("k" + i, NS, Tuple2.of("v", (long) i));
    }
    Map<Integer, byte[]> before = writeSynchronously(backend);

    try (HeapStateSnapshot snapshot = backend.capture()) {
      for (int i = 0; i < 100; i++) {
        values.clear("k" + i, NS);
      }
      assertThat(counting.copies.get()).isZero();
      values.get("absent", NS);
      values.update("k1", NS, Tuple2.of("again", 1L));
      assertThat(counting.copies.get()).isZero();
      assertThat(hex(write(snapshot))).isEqualTo(hex(before));
    }
    assertThat(backend.entryCount("values")).isEqualTo(1);
  }

  @Test
  void immutableValuesChangedRemovedAndAddedAfterCaptureAreWrittenAsCaptured() throws Exception {
    // Long and String values: the snapshot keeps their references, the task changes the entries.
    InternalValueState<String, VoidNamespace, Long> counts =
        backend.valueState(new ValueStateDescriptor<>("counts", Types.LONG));
    InternalReducingState<String, VoidNamespace, Long> sums =
        backend.reducingState(new ReducingStateDescriptor<>("sums", Long::sum, Types.LONG));
    ValueStateDescriptor<String> namesDescriptor = new ValueStateDescriptor<>("names", Types.STRING);
    namesDescriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(Duration.ofSeconds(10)).updateTtlOnReadAndWrite().build());
    InternalValueState<String, VoidNamespace, String> names = backend.valueState(namesDescriptor);
    for (int i = 0; i < 60; i++) {
      counts.update("k" + i, NS, (long) i);
      sums.add("k" + i, NS, (long) i);
      names.update("k" + i, NS, "n" + i);
    }
    Map<Integer, byte[]> before = writeSynchronously(backend);

    try (HeapStateSnapshot snapshot = backend.capture()) {
      clock.addAndGet(4_000);
      for (int i = 0; i < 60; i++) {
        counts.update("k" + i, NS, counts.get("k" + i, NS) + 100);
        sums.add("k" + i, NS, 100L);
        names.get("k" + i, NS); // renews the timestamp in place
      }
      for (int i = 0; i < 60; i += 3) {
        counts.clear("k" + i, NS);
        sums.clear("k" + i, NS);
        names.update("k" + i, NS, "renamed");
      }
      for (int i = 60; i < 200; i++) { // grows the tables past their captured capacity
        counts.update("k" + i, NS, (long) i);
        names.update("k" + i, NS, "n" + i);
      }
      assertThat(hex(write(snapshot))).isEqualTo(hex(before));
    }
    assertThat(counts.get("k1", NS)).isEqualTo(101L);
    assertThat(counts.get("k3", NS)).isNull();
    assertThat(sums.get("k2", NS)).isEqualTo(102L);
    assertThat(names.get("k3", NS)).isEqualTo("renamed");
    assertThat(backend.entryCount("counts")).isEqualTo(180);
  }

  @Test
  void immutableValuesOfTwoRunningSnapshotsAreEachWrittenAsCaptured() throws Exception {
    InternalValueState<String, VoidNamespace, Long> counts =
        backend.valueState(new ValueStateDescriptor<>("counts", Types.LONG));
    for (int i = 0; i < 30; i++) {
      counts.update("k" + i, NS, 1L);
    }
    Map<Integer, byte[]> atFirst = writeSynchronously(backend);
    HeapStateSnapshot first = backend.capture();
    for (int i = 0; i < 30; i++) {
      counts.update("k" + i, NS, 2L);
    }
    Map<Integer, byte[]> atSecond = writeSynchronously(backend);
    HeapStateSnapshot second = backend.capture();
    for (int i = 0; i < 30; i++) {
      counts.update("k" + i, NS, 3L);
    }
    assertThat(hex(write(second))).isEqualTo(hex(atSecond));
    second.release();
    assertThat(hex(write(first))).isEqualTo(hex(atFirst));
    first.release();
    assertThat(hex(atSecond)).isNotEqualTo(hex(atFirst));
    assertThat(counts.get("k7", NS)).isEqualTo(3L);
  }

  @Test
  void immutableValuesOfAStateOutgrowingCaptureByValueAreCopiedOnWrite() throws Exception {
    int limit = 1_000;
    HeapKeyedStateBackend<String> backend =
        new HeapKeyedStateBackend<>(ALL, MAX_PARALLELISM, clock::get, limit);
    InternalValueState<String, VoidNamespace, Long> counts =
        backend.valueState(new ValueStateDescriptor<>("counts", Types.LONG));
    for (int i = 0; i < limit; i++) {
      counts.update("k" + i, NS, (long) i);
    }
    Map<Integer, byte[]> atFirst = writeSynchronously(backend);
    HeapStateSnapshot byValue = backend.capture(); // at the limit: values captured
    for (int i = limit; i < limit + 100; i++) {
      counts.update("k" + i, NS, (long) i);
    }
    Map<Integer, byte[]> atSecond = writeSynchronously(backend);
    // Past the limit: this capture and all later ones share the entries, copied on write.
    try (HeapStateSnapshot copyOnWrite = backend.capture()) {
      for (int i = 0; i < limit + 100; i += 7) {
        counts.update("k" + i, NS, -1L);
        counts.clear("k" + (i + 1), NS);
      }
      assertThat(hex(write(copyOnWrite))).isEqualTo(hex(atSecond));
    }
    assertThat(hex(write(byValue))).isEqualTo(hex(atFirst));
    byValue.release();
    assertThat(counts.get("k7", NS)).isEqualTo(-1L);
    assertThat(counts.get("k8", NS)).isNull();
  }

  @Test
  void releasedSnapshotStopsTheCopying() throws Exception {
    InternalValueState<String, VoidNamespace, Tuple2<String, Long>> values =
        backend.valueState(new ValueStateDescriptor<>("values", PAIR));
    values.update("k", NS, Tuple2.of("v", 1L));
    Tuple2<String, Long> stored = values.get("k", NS);

    HeapStateSnapshot snapshot = backend.capture();
    assertThat(backend.runningSnapshots()).isEqualTo(1);
    Tuple2<String, Long> copied = values.get("k", NS);
    assertThat(copied).isNotSameAs(stored).isEqualTo(stored);
    assertThat(values.get("k", NS)).isSameAs(copied); // copied once, then owned by the task

    snapshot.release();
    snapshot.release(); // releasing twice is harmless
    assertThat(backend.runningSnapshots()).isZero();
    Tuple2<String, Long> afterRelease = values.get("k", NS);
    assertThat(afterRelease).isSameAs(copied);
    assertThatThrownBy(() -> snapshot.writeKeyGroup(0, new DataOutputSerializer(16)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already released");

    try (HeapStateSnapshot next = backend.capture()) {
      assertThat(values.get("k", NS)).isNotSameAs(afterRelease);
    }
    assertThat(backend.runningSnapshots()).isZero();
  }

  @Test
  void olderSnapshotStaysIntactWhileANewerOneRuns() throws Exception {
    InternalValueState<String, VoidNamespace, Tuple2<String, Long>> values =
        backend.valueState(new ValueStateDescriptor<>("values", PAIR));
    values.update("k", NS, Tuple2.of("first", 1L));
    Map<Integer, byte[]> atFirst = writeSynchronously(backend);
    HeapStateSnapshot first = backend.capture();
    values.get("k", NS).f1 = 2L;
    Map<Integer, byte[]> atSecond = writeSynchronously(backend);
    HeapStateSnapshot second = backend.capture();
    second.release();
    values.get("k", NS).f1 = 3L;

    assertThat(hex(write(first))).isEqualTo(hex(atFirst));
    assertThat(hex(atSecond)).isNotEqualTo(hex(atFirst));
    first.release();
    assertThat(backend.runningSnapshots()).isZero();
  }

  // ---- helpers ----

  /** Every key group written directly from the live state, as a reference. */
  private static Map<Integer, byte[]> writeSynchronously(HeapKeyedStateBackend<String> from)
      throws IOException {
    Map<Integer, byte[]> sections = new HashMap<>();
    for (int kg = 0; kg < MAX_PARALLELISM; kg++) {
      DataOutputSerializer out = new DataOutputSerializer(64);
      from.snapshotKeyGroup(kg, out);
      sections.put(kg, out.toByteArray());
    }
    return sections;
  }

  private static Map<Integer, byte[]> write(HeapStateSnapshot snapshot) throws IOException {
    Map<Integer, byte[]> sections = new HashMap<>();
    for (int kg = 0; kg < MAX_PARALLELISM; kg++) {
      DataOutputSerializer out = new DataOutputSerializer(64);
      snapshot.writeKeyGroup(kg, out);
      sections.put(kg, out.toByteArray());
    }
    return sections;
  }

  /** The sections in a form that compares by content. */
  private static Map<Integer, String> hex(Map<Integer, byte[]> sections) {
    Map<Integer, String> hex = new HashMap<>();
    sections.forEach((kg, bytes) -> hex.put(kg, HexFormat.of().formatHex(bytes)));
    return hex;
  }

  private static Map<Integer, byte[]> writeUnchecked(HeapStateSnapshot snapshot) {
    try {
      return write(snapshot);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HeapKeyedStateBackend<String> restore(Map<Integer, byte[]> sections)
      throws IOException {
    HeapKeyedStateBackend<String> restored = newBackend();
    for (Map.Entry<Integer, byte[]> e : sections.entrySet()) {
      restored.restoreKeyGroup(e.getKey(), new DataInputDeserializer(e.getValue()));
    }
    return restored;
  }

  /** A sum kept in the accumulator's second field, added in place. */
  private static final class InPlaceSum
      implements AggregateFunction<Long, Tuple2<String, Long>, Long> {
    @Override
    public Tuple2<String, Long> createAccumulator() {
      return Tuple2.of("sum", 0L);
    }

    @Override
    public Tuple2<String, Long> add(Long value, Tuple2<String, Long> accumulator) {
      accumulator.f1 += value;
      return accumulator;
    }

    @Override
    public Long getResult(Tuple2<String, Long> accumulator) {
      return accumulator.f1;
    }

    @Override
    public Tuple2<String, Long> merge(Tuple2<String, Long> a, Tuple2<String, Long> b) {
      a.f1 += b.f1;
      return a;
    }
  }

  /** The pair type, with a serializer that counts its serializations per thread, and copies. */
  private static final class CountingType implements TypeInfo<Tuple2<String, Long>> {
    final Map<String, AtomicLong> serializations = new ConcurrentHashMap<>();
    final AtomicLong copies = new AtomicLong();

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<Tuple2<String, Long>> typeClass() {
      return (Class) Tuple2.class;
    }

    @Override
    public TypeSerializer<Tuple2<String, Long>> createSerializer() {
      TypeSerializer<Tuple2<String, Long>> pairs = PAIR.createSerializer();
      return new TypeSerializer<>() {
        @Override
        public void serialize(Tuple2<String, Long> value, DataOutputView target)
            throws IOException {
          serializations
              .computeIfAbsent(Thread.currentThread().getName(), t -> new AtomicLong())
              .incrementAndGet();
          pairs.serialize(value, target);
        }

        @Override
        public Tuple2<String, Long> deserialize(DataInputView source) throws IOException {
          return pairs.deserialize(source);
        }

        @Override
        public Tuple2<String, Long> copy(Tuple2<String, Long> value) {
          copies.incrementAndGet();
          return pairs.copy(value);
        }
      };
    }
  }
}
