package io.strom.runtime.sql.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.state.heap.HeapKeyedStateBackend;
import io.strom.runtime.testutils.TwoInputOperatorHarness;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The changelog a regular join emits, change by change, for each join type. */
class StreamingJoinOperatorTest {
  private static final RowType SIDE =
      DataTypes.ROW(DataTypes.FIELD("k", DataTypes.INT()), DataTypes.FIELD("v", DataTypes.STRING()));

  private static TwoInputOperatorHarness<Row, Row, Row> harness(StreamingJoinOperator.Type type)
      throws Exception {
    return harness(type, null);
  }

  /** A harness started from {@code snapshot}, or empty when it is null. */
  private static TwoInputOperatorHarness<Row, Row, Row> harness(
      StreamingJoinOperator.Type type, Map<Integer, byte[]> snapshot) throws Exception {
    return harness(type, snapshot, 0);
  }

  /** A harness whose state lives {@code ttlMillis} of processing time (0: forever). */
  static TwoInputOperatorHarness<Row, Row, Row> harness(
      StreamingJoinOperator.Type type, Map<Integer, byte[]> snapshot, long ttlMillis)
      throws Exception {
    KeySelector<Row, BinaryRow> key = StreamingJoinOperatorTest::key;
    TwoInputOperatorHarness<Row, Row, Row> harness =
        TwoInputOperatorHarness.keyed(
            new StreamingJoinOperator(
                type, SIDE, SIDE, loader -> JoinCondition.ALWAYS, new boolean[] {true}, ttlMillis),
            key,
            key);
    if (snapshot != null) {
      harness.restoreKeyedState(snapshot);
    }
    harness.open();
    return harness;
  }

  /** Every value a map state of the harness stores, over all key groups. */
  private static List<Object> storedMapValues(
      TwoInputOperatorHarness<Row, Row, Row> harness, String state) {
    List<Object> values = new ArrayList<>();
    HeapKeyedStateBackend<Object> backend = harness.stateBackend();
    for (int keyGroup = 0; keyGroup < backend.maxParallelism(); keyGroup++) {
      backend.forEachEntry(
          state,
          keyGroup,
          (key, namespace, stored, timestamp) -> values.addAll(((Map<?, ?>) stored).values()));
    }
    return values;
  }

  private static BinaryRow key(Row row) {
    GenericRow key = new GenericRow(1);
    if (row.isNullAt(0)) {
      key.setNullAt(0);
    } else {
      key.setInt(0, row.getInt(0));
    }
    return new RowSerializer(DataTypes.ROW(DataTypes.FIELD("k", DataTypes.INT()))).toBinary(key).copy();
  }

  static Row row(RowKind kind, Integer k, String v) {
    return GenericRow.ofKind(kind, k, v);
  }

  /** Each output as "+I 1 a 1 x", NULLs as "null". */
  static List<String> changes(TwoInputOperatorHarness<Row, Row, Row> harness) {
    List<String> out = new ArrayList<>();
    for (Row row : harness.values()) {
      StringBuilder s = new StringBuilder(row.kind().shortString());
      for (int i = 0; i < row.arity(); i++) {
        s.append(' ').append(row.isNullAt(i) ? "null" : i % 2 == 0 ? row.getInt(i) : row.getString(i));
      }
      out.add(s.toString());
    }
    return out;
  }

  @Test
  void leftJoinPadsUnmatchedRowsAndReplacesThePaddingWhenMatchesComeAndGo() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.LEFT)) {
      harness.processElement1(row(RowKind.INSERT, 1, "a"), 0);
      harness.processElement2(row(RowKind.INSERT, 1, "x"), 0);
      harness.processElement2(row(RowKind.INSERT, 1, "y"), 0);
      harness.processElement2(row(RowKind.DELETE, 1, "x"), 0);
      harness.processElement2(row(RowKind.DELETE, 1, "y"), 0);
      harness.processElement1(row(RowKind.DELETE, 1, "a"), 0);
      assertThat(changes(harness)).containsExactly(
          "+I 1 a null null",
          "-D 1 a null null",
          "+I 1 a 1 x",
          "+I 1 a 1 y",
          "-D 1 a 1 x",
          "-D 1 a 1 y",
          "+I 1 a null null",
          "-D 1 a null null");
    }
  }

  @Test
  void innerJoinPassesChangeKindsOnAndCountsDuplicates() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.INNER)) {
      harness.processElement1(row(RowKind.INSERT, 2, "b"), 0);
      harness.processElement1(row(RowKind.INSERT, 2, "b"), 0);
      harness.processElement2(row(RowKind.UPDATE_AFTER, 2, "z"), 0);
      harness.processElement2(row(RowKind.UPDATE_BEFORE, 2, "z"), 0);
      harness.processElement2(row(RowKind.INSERT, 3, "w"), 0);
      assertThat(changes(harness)).containsExactly(
          "+U 2 b 2 z", "+U 2 b 2 z", "-U 2 b 2 z", "-U 2 b 2 z");
    }
  }

  @Test
  void nullKeysMatchNothingButOuterRowsStillComeOut() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.FULL)) {
      harness.processElement1(row(RowKind.INSERT, null, "n"), 0);
      harness.processElement2(row(RowKind.INSERT, null, "m"), 0);
      harness.processElement2(row(RowKind.INSERT, 5, "p"), 0);
      harness.processElement1(row(RowKind.INSERT, 5, "q"), 0);
      assertThat(changes(harness)).containsExactly(
          "+I null n null null",
          "+I null null null m",
          "+I null null 5 p",
          "-D null null 5 p",
          "+I 5 q 5 p");
    }
  }

  @Test
  void heldRowsKeepCountsAsOneLongAndOneCopyWithoutMatchesCostsNoObject() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.LEFT)) {
      harness.processElement1(row(RowKind.INSERT, 1, "a"), 0);
      harness.processElement1(row(RowKind.INSERT, 2, "b"), 0);
      harness.processElement2(row(RowKind.INSERT, 1, "x"), 0);
      harness.processElement2(row(RowKind.INSERT, 1, "x"), 0);
      harness.processElement2(row(RowKind.INSERT, 1, "y"), 0);
      assertThat(harness.stateBackend().stateNames())
          .containsExactlyInAnyOrder("left-row-copies-matches", "right-row-copies");
      List<Object> copies = storedMapValues(harness, "right-row-copies");
      assertThat(copies).containsExactlyInAnyOrder(2L, 1L);
      assertThat(copies.get(copies.indexOf(1L))).isSameAs(Long.valueOf(1));
      // "a": one copy, three matches (x twice, y once); "b": one copy, no match.
      List<Object> packed = storedMapValues(harness, "left-row-copies-matches");
      assertThat(packed).containsExactlyInAnyOrder(3L << 32 | 1, 1L);
      assertThat(packed.get(packed.indexOf(1L))).isSameAs(Long.valueOf(1));
    }
  }

  @Test
  void innerJoinRowsAndTheirCopiesSurviveACheckpointAndRestore() throws Exception {
    Map<Integer, byte[]> snapshot;
    try (var before = harness(StreamingJoinOperator.Type.INNER)) {
      before.processElement1(row(RowKind.INSERT, 1, "a"), 0);
      before.processElement1(row(RowKind.INSERT, 1, "a"), 0);
      before.processElement1(row(RowKind.INSERT, 2, "b"), 0);
      snapshot = before.snapshotKeyedState();
    }
    try (var after = harness(StreamingJoinOperator.Type.INNER, snapshot)) {
      after.processElement1(row(RowKind.DELETE, 2, "b"), 0);
      after.processElement2(row(RowKind.INSERT, 1, "x"), 0);
      after.processElement2(row(RowKind.INSERT, 2, "y"), 0);
      after.processElement1(row(RowKind.DELETE, 1, "a"), 0);
      assertThat(changes(after)).containsExactly("+I 1 a 1 x", "+I 1 a 1 x", "-D 1 a 1 x");
    }
  }

  @Test
  void refusesACheckpointHoldingASideInTheOlderLayout() throws Exception {
    Map<Integer, byte[]> snapshot;
    try (var before = harness(StreamingJoinOperator.Type.INNER)) {
      // Earlier versions held the left side under "left-rows"; only the name matters here.
      before
          .stateBackend()
          .mapState(new MapStateDescriptor<>("left-rows", Types.STRING, Types.LONG))
          .put(key(row(RowKind.INSERT, 1, "a")), VoidNamespace.INSTANCE, "a", 1L);
      snapshot = before.snapshotKeyedState();
    }
    for (StreamingJoinOperator.Type type : StreamingJoinOperator.Type.values()) {
      assertThatThrownBy(() -> harness(type, snapshot).close())
          .as(type.name())
          .hasStackTraceContaining("holds the left side of the join in an older state layout")
          .hasStackTraceContaining("start the query without restoring that checkpoint");
    }
  }

  @Test
  void outerJoinMatchCountsSurviveACheckpointAndRestore() throws Exception {
    Map<Integer, byte[]> snapshot;
    try (var before = harness(StreamingJoinOperator.Type.FULL)) {
      before.processElement1(row(RowKind.INSERT, 1, "a"), 0);
      before.processElement2(row(RowKind.INSERT, 1, "x"), 0);
      before.processElement2(row(RowKind.INSERT, 1, "y"), 0);
      snapshot = before.snapshotKeyedState();
    }
    try (var after = harness(StreamingJoinOperator.Type.FULL, snapshot)) {
      after.processElement2(row(RowKind.DELETE, 1, "x"), 0);
      after.processElement2(row(RowKind.DELETE, 1, "y"), 0);
      after.processElement1(row(RowKind.DELETE, 1, "a"), 0);
      assertThat(changes(after))
          .containsExactly(
              "-D 1 a 1 x", "-D 1 a 1 y", "+I 1 a null null", "-D 1 a null null");
    }
  }
}
