package io.strom.runtime.sql.agg;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.runtime.testutils.OneInputOperatorHarness;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Group aggregations of {@code SELECT k, COUNT(*), SUM(v) FROM t GROUP BY k} over a retracting
 * input with {@code table.exec.state.ttl}: once a key's state has expired, retractions of rows it
 * counted before have nothing to undo. They are ignored, as in Flink, so a key never keeps a
 * negative row count and no change is emitted for a result that was never sent. The state clock
 * is the harness's processing time.
 */
class GroupAggExpiredStateTest {
  private static final long TTL = 100;
  private static final RowType KEY = DataTypes.ROW(DataTypes.FIELD("k", DataTypes.STRING()));
  private static final RowType ACCUMULATORS = CountSumHandlerSource.ACCUMULATORS;
  /** Flushes only on finish(): the test decides where batches end. */
  private static final MiniBatch BATCH = new MiniBatch(1_000, 3_600_000);

  private static BinaryRow key(Row row) {
    return new RowSerializer(KEY).toBinary(GenericRow.of(row.getString(0))).copy();
  }

  private static OneInputOperatorHarness<Row, Row> keyed(
      io.strom.runtime.operators.OneInputOperator<Row, Row> operator) {
    KeySelector<Row, BinaryRow> key = GroupAggExpiredStateTest::key;
    return OneInputOperatorHarness.keyed(operator, key);
  }

  private static OneInputOperatorHarness<Row, Row> onePhase() {
    return keyed(new GroupAggOperator(CountSumHandlerSource.code(), ACCUMULATORS, true, TTL));
  }

  private static OneInputOperatorHarness<Row, Row> miniBatch() {
    return keyed(new MiniBatchGroupAggOperator(
        CountSumHandlerSource.code(), ACCUMULATORS, true, TTL, BATCH));
  }

  private static OneInputOperatorHarness<Row, Row> global() {
    return keyed(new GlobalGroupAggOperator(
        CountSumHandlerSource.code(), ACCUMULATORS, 1, true, TTL, BATCH));
  }

  private static Row row(RowKind kind, String k, long v) {
    GenericRow row = GenericRow.of(StringData.fromString(k), v);
    row.setKind(kind);
    return row;
  }

  /** A local phase's partial row: the key, the net row count and the net sum of one batch. */
  private static Row partial(String k, long count, long sum) {
    return GenericRow.of(StringData.fromString(k), count, sum);
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
  void globalPhaseIgnoresANetRetractionForAKeyWhoseStateExpired() throws Exception {
    try (var harness = global()) {
      harness.open();
      harness.processElement(partial("a", 1, 5));
      harness.finish();
      harness.setProcessingTime(10 * TTL);
      harness.processElement(partial("a", -1, -5));
      harness.finish();
      harness.processElement(partial("a", 1, 7));
      harness.finish();
      assertThat(changelog(harness)).containsExactly("+I[a, 1, 5]", "+I[a, 1, 7]");
    }
  }

  @Test
  void globalPhaseDeletesAKeyWhosePartialsRetractMoreRowsThanItCounted() throws Exception {
    try (var harness = global()) {
      harness.open();
      harness.processElement(partial("a", 1, 5));
      harness.finish();
      // Two rows retracted: one this key counted, one counted by state that had expired before.
      harness.processElement(partial("a", -2, -9));
      harness.finish();
      harness.processElement(partial("a", 1, 7));
      harness.finish();
      assertThat(changelog(harness)).containsExactly("+I[a, 1, 5]", "-D[a, 1, 5]", "+I[a, 1, 7]");
    }
  }

  @Test
  void onePhaseIgnoresARetractionForAKeyWhoseStateExpired() throws Exception {
    try (var harness = onePhase()) {
      harness.open();
      harness.processElement(row(RowKind.INSERT, "a", 5));
      harness.setProcessingTime(10 * TTL);
      harness.processElement(row(RowKind.UPDATE_BEFORE, "a", 5));
      harness.processElement(row(RowKind.UPDATE_AFTER, "a", 7));
      harness.processElement(row(RowKind.DELETE, "a", 7));
      harness.processElement(row(RowKind.DELETE, "a", 7));
      assertThat(changelog(harness)).containsExactly("+I[a, 1, 5]", "+I[a, 1, 7]", "-D[a, 1, 7]");
    }
  }

  @Test
  void miniBatchIgnoresRetractionsWhileAKeyHasNoRowsCounted() throws Exception {
    try (var harness = miniBatch()) {
      harness.open();
      harness.processElement(row(RowKind.INSERT, "a", 5));
      harness.finish();
      harness.setProcessingTime(10 * TTL);
      // Per row: -U undoes nothing (state expired), +I counts 3, two -D delete it and undo
      // nothing, +I counts 4; the batch ends with one row, 4.
      harness.processElement(row(RowKind.UPDATE_BEFORE, "a", 5));
      harness.processElement(row(RowKind.INSERT, "a", 3));
      harness.processElement(row(RowKind.DELETE, "a", 3));
      harness.processElement(row(RowKind.DELETE, "a", 6));
      harness.processElement(row(RowKind.INSERT, "a", 4));
      harness.finish();
      assertThat(changelog(harness)).containsExactly("+I[a, 1, 5]", "+I[a, 1, 4]");
    }
  }

  @Test
  void miniBatchDeletesAKeyOnceItsStoredRowsAreRetracted() throws Exception {
    try (var harness = miniBatch()) {
      harness.open();
      harness.processElement(row(RowKind.INSERT, "a", 5));
      harness.finish();
      harness.processElement(row(RowKind.DELETE, "a", 5));
      harness.processElement(row(RowKind.DELETE, "a", 8));
      harness.finish();
      harness.processElement(row(RowKind.INSERT, "a", 2));
      harness.finish();
      assertThat(changelog(harness)).containsExactly("+I[a, 1, 5]", "-D[a, 1, 5]", "+I[a, 1, 2]");
    }
  }
}
