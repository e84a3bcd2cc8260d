package io.strom.runtime.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.Projection;
import io.strom.runtime.testutils.OneInputOperatorHarness;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mini-batch group aggregation of {@code SELECT k, COUNT(*), SUM(v) FROM t GROUP BY k} over rows
 * {@code (k STRING, v BIGINT)}, one phase and two (local, then global).
 */
class MiniBatchGroupAggOperatorTest {
  private static final RowType KEY = DataTypes.ROW(DataTypes.FIELD("k", DataTypes.STRING()));
  private static final RowType ACCUMULATORS = CountSumHandlerSource.ACCUMULATORS;

  /** The key: field 0 of an input or partial row, as a binary row. */
  private static final String KEY_PROJECTION = """
      public final class KeyOfRow implements io.strom.runtime.generated.Projection {
        private final io.strom.serde.RowSerializer serializer = new io.strom.serde.RowSerializer(
            io.strom.types.DataTypes.ROW(new io.strom.types.RowType.RowField[] {
                io.strom.types.DataTypes.FIELD("k", io.strom.types.DataTypes.STRING())}));
        public KeyOfRow(Object[] references) {}
        public io.strom.data.BinaryRow apply(io.strom.data.Row row) {
          return serializer.toBinary(io.strom.data.GenericRow.of(new Object[] {row.getString(0)}));
        }
      }
      """;

  private static GeneratedClass<AggsHandler> handler() {
    return CountSumHandlerSource.code();
  }

  private static BinaryRow key(Row row) {
    return new RowSerializer(KEY).toBinary(GenericRow.of(row.getString(0))).copy();
  }

  private static OneInputOperatorHarness<Row, Row> onePhase(MiniBatch batch) throws Exception {
    KeySelector<Row, BinaryRow> key = MiniBatchGroupAggOperatorTest::key;
    return OneInputOperatorHarness.keyed(
        new MiniBatchGroupAggOperator(handler(), ACCUMULATORS, true, 0, batch), key);
  }

  private static Row row(RowKind kind, String k, long v) {
    GenericRow row = GenericRow.of(StringData.fromString(k), v);
    row.setKind(kind);
    return row;
  }

  private static Row insert(String k, long v) {
    return row(RowKind.INSERT, k, v);
  }

  /** Each output as "+I[k, count, sum]". */
  private static List<String> changelog(OneInputOperatorHarness<Row, Row> harness) {
    List<String> out = new ArrayList<>();
    for (Row row : harness.values()) {
      out.add(row.kind().shortString() + "[" + row.getString(0) + ", " + row.getLong(1) + ", "
          + row.getLong(2) + "]");
    }
    return out;
  }

  @Test
  void emitsOneChangePerKeyPerBatchWhenTheLatencyHasPassed() throws Exception {
    try (var harness = onePhase(new MiniBatch(100, 1000))) {
      harness.open();
      harness.processElement(insert("a", 1));
      harness.processElement(insert("a", 2));
      harness.processElement(insert("b", 10));
      harness.processElement(insert("a", 3));
      assertThat(harness.values()).isEmpty();

      harness.setProcessingTime(1000);
      assertThat(changelog(harness)).containsExactly("+I[a, 3, 6]", "+I[b, 1, 10]");

      harness.processElement(insert("a", 4));
      harness.processElement(insert("a", 5));
      harness.setProcessingTime(2000);
      assertThat(changelog(harness)).containsExactly(
          "+I[a, 3, 6]", "+I[b, 1, 10]", "-U[a, 3, 6]", "+U[a, 5, 15]");
    }
  }

  @Test
  void appliesTheBatchWhenItIsFullAndOnAWatermark() throws Exception {
    try (var harness = onePhase(new MiniBatch(3, 60_000))) {
      harness.open();
      harness.processElement(insert("a", 1));
      harness.processElement(insert("a", 2));
      assertThat(harness.values()).isEmpty();
      harness.processElement(insert("b", 5));
      assertThat(changelog(harness)).containsExactly("+I[a, 2, 3]", "+I[b, 1, 5]");

      harness.processElement(insert("b", 5));
      harness.processWatermark(42);
      assertThat(changelog(harness)).containsExactly(
          "+I[a, 2, 3]", "+I[b, 1, 5]", "-U[b, 1, 5]", "+U[b, 2, 10]");
      assertThat(harness.watermarks()).containsExactly(42L);
    }
  }

  @Test
  void retractionsWithinABatchDeleteAKeyOnceAndLeaveUnchangedResultsUnsaid() throws Exception {
    try (var harness = onePhase(new MiniBatch(100, 1000))) {
      harness.open();
      harness.processElement(insert("a", 1));
      harness.processElement(insert("b", 2));
      harness.finish();
      harness.processElement(row(RowKind.UPDATE_BEFORE, "a", 1));
      harness.processElement(row(RowKind.UPDATE_AFTER, "a", 1));
      harness.processElement(row(RowKind.DELETE, "b", 2));
      // A retraction of a key without state undoes nothing.
      harness.processElement(row(RowKind.DELETE, "c", 7));
      harness.finish();
      assertThat(changelog(harness)).containsExactly("+I[a, 1, 1]", "+I[b, 1, 2]", "-D[b, 1, 2]");
    }
  }

  @Test
  void aCheckpointWithABufferedBatchLosesNothing() throws Exception {
    Map<Integer, byte[]> snapshot;
    List<String> beforeCheckpoint;
    try (var harness = onePhase(new MiniBatch(100, 1000))) {
      harness.open();
      harness.processElement(insert("a", 1));
      harness.processElement(insert("b", 2));
      harness.processElement(insert("a", 3));
      // The barrier's turn: the buffered batch goes out ahead of it and into the snapshot.
      harness.prepareSnapshotPreBarrier(1);
      beforeCheckpoint = changelog(harness);
      snapshot = harness.snapshotKeyedState();
      // Rows after the barrier are not part of checkpoint 1; the job restarts before them.
      harness.processElement(insert("a", 100));
    }
    assertThat(beforeCheckpoint).containsExactly("+I[a, 2, 4]", "+I[b, 1, 2]");

    try (var restored = onePhase(new MiniBatch(100, 1000))) {
      restored.restoreKeyedState(snapshot);
      restored.open();
      restored.processElement(insert("a", 5));
      restored.finish();
      assertThat(changelog(restored)).containsExactly("-U[a, 2, 4]", "+U[a, 3, 9]");
    }
  }

  @Test
  void localPhaseSendsPartialAccumulatorsThatTheGlobalPhaseMerges() throws Exception {
    MiniBatch batch = new MiniBatch(100, 1000);
    GeneratedClass<Projection> keyCode = new GeneratedClass<>("KeyOfRow", KEY_PROJECTION, new Object[0]);
    List<Row> partials = new ArrayList<>();
    try (var local = new OneInputOperatorHarness<Row, Row>(
        new LocalGroupAggOperator(handler(), keyCode, batch))) {
      local.open();
      local.processElement(insert("a", 1));
      local.processElement(insert("a", 2));
      local.processElement(insert("b", 10));
      local.processElement(insert("a", 3));
      assertThat(local.values()).isEmpty();
      local.setProcessingTime(1000);
      local.processElement(insert("a", 4));
      local.finish();
      for (Row partial : local.values()) {
        partials.add(new RowSerializer(DataTypes.ROW(
            DataTypes.FIELD("k", DataTypes.STRING()),
            DataTypes.FIELD("count", DataTypes.BIGINT()),
            DataTypes.FIELD("sum", DataTypes.BIGINT()))).toBinary(partial).copy());
      }
    }
    // One partial per key and batch: (a: 3 rows, sum 6), (b: 1, 10), then (a: 1, 4).
    assertThat(partials).extracting(p -> p.getString(0) + " " + p.getLong(1) + " " + p.getLong(2))
        .containsExactly("a 3 6", "b 1 10", "a 1 4");

    KeySelector<Row, BinaryRow> key = MiniBatchGroupAggOperatorTest::key;
    try (var global = OneInputOperatorHarness.keyed(
        new GlobalGroupAggOperator(handler(), ACCUMULATORS, 1, true, 0, batch), key)) {
      global.open();
      global.processElement(partials.get(0));
      global.processElement(partials.get(1));
      global.setProcessingTime(1000);
      global.processElement(partials.get(2));
      global.finish();
      assertThat(changelog(global)).containsExactly(
          "+I[a, 3, 6]", "+I[b, 1, 10]", "-U[a, 3, 6]", "+U[a, 4, 10]");
    }
  }

  @Test
  void overARetractingInputTheGlobalPhaseDeletesAKeyWhosePartialsCancelOut() throws Exception {
    MiniBatch batch = new MiniBatch(100, 1000);
    GeneratedClass<Projection> keyCode = new GeneratedClass<>("KeyOfRow", KEY_PROJECTION, new Object[0]);
    RowType partialType = DataTypes.ROW(
        DataTypes.FIELD("k", DataTypes.STRING()),
        DataTypes.FIELD("count", DataTypes.BIGINT()),
        DataTypes.FIELD("sum", DataTypes.BIGINT()));
    List<Row> partials = new ArrayList<>();
    try (var local = new OneInputOperatorHarness<Row, Row>(
        new LocalGroupAggOperator(handler(), keyCode, batch))) {
      local.open();
      local.processElement(insert("a", 1));
      local.processElement(insert("a", 2));
      local.setProcessingTime(1000);
      local.processElement(row(RowKind.DELETE, "a", 1));
      local.processElement(row(RowKind.UPDATE_BEFORE, "a", 2));
      local.finish();
      for (Row partial : local.values()) {
        partials.add(new RowSerializer(partialType).toBinary(partial).copy());
      }
    }
    assertThat(partials).extracting(p -> p.getString(0) + " " + p.getLong(1) + " " + p.getLong(2))
        .containsExactly("a 2 3", "a -2 -3");

    KeySelector<Row, BinaryRow> key = MiniBatchGroupAggOperatorTest::key;
    try (var global = OneInputOperatorHarness.keyed(
        new GlobalGroupAggOperator(handler(), ACCUMULATORS, 1, true, 0, batch), key)) {
      global.open();
      global.processElement(partials.get(0));
      global.setProcessingTime(1000);
      global.processElement(partials.get(1));
      global.finish();
      assertThat(changelog(global)).containsExactly("+I[a, 2, 3]", "-D[a, 2, 3]");
    }
  }
}
