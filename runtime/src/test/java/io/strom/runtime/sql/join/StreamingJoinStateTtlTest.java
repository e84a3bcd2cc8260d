package io.strom.runtime.sql.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.runtime.testutils.TwoInputOperatorHarness;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A regular join with {@code table.exec.state.ttl}: each held row expires once it has not been
 * written for the TTL of processing time (a new match of an outer row rewrites its match count,
 * which renews it, as in Flink). An expired row is forgotten: a late match does not join it, and
 * rows already emitted for it are neither retracted nor re-padded. The clock is the harness's.
 */
class StreamingJoinStateTtlTest {
  private static final long TTL = 100;
  private static final RowType SIDE =
      DataTypes.ROW(DataTypes.FIELD("k", DataTypes.INT()), DataTypes.FIELD("v", DataTypes.STRING()));
  private static final RowType KEY = DataTypes.ROW(DataTypes.FIELD("k", DataTypes.INT()));

  private static TwoInputOperatorHarness<Row, Row, Row> harness(StreamingJoinOperator.Type type)
      throws Exception {
    KeySelector<Row, BinaryRow> key = StreamingJoinStateTtlTest::key;
    TwoInputOperatorHarness<Row, Row, Row> harness = TwoInputOperatorHarness.keyed(
        new StreamingJoinOperator(
            type, SIDE, SIDE, loader -> JoinCondition.ALWAYS, new boolean[] {true}, TTL),
        key,
        key);
    harness.open();
    return harness;
  }

  private static BinaryRow key(Row row) {
    return new RowSerializer(KEY).toBinary(GenericRow.of(row.getInt(0))).copy();
  }

  private static Row row(RowKind kind, int k, String v) {
    return GenericRow.ofKind(kind, k, StringData.fromString(v));
  }

  /** Each output as "+I 1 a 1 x", NULLs as "null". */
  private static List<String> changes(TwoInputOperatorHarness<Row, Row, Row> harness) {
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
  void innerJoinForgetsARowIdlePastTheTtl() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.INNER)) {
      harness.processElement1(row(RowKind.INSERT, 1, "a"), 0);
      harness.setProcessingTime(TTL - 1);
      harness.processElement2(row(RowKind.INSERT, 1, "x"), 0);
      harness.setProcessingTime(TTL);
      // "a" was written at 0 and has expired; "x", written at TTL - 1, has not.
      harness.processElement2(row(RowKind.INSERT, 1, "y"), 0);
      harness.processElement1(row(RowKind.INSERT, 1, "b"), 0);
      // The held rows of a key come in no set order.
      assertThat(changes(harness)).containsExactlyInAnyOrder(
          "+I 1 a 1 x",
          "+I 1 b 1 x",
          "+I 1 b 1 y");
    }
  }

  @Test
  void leftJoinKeepsThePaddedRowOfAnExpiredRowAndDoesNotJoinALateMatch() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.LEFT)) {
      harness.processElement1(row(RowKind.INSERT, 1, "a"), 0);
      harness.setProcessingTime(2 * TTL);
      // The left row is gone: no -D of its padded row, no joined row.
      harness.processElement2(row(RowKind.INSERT, 1, "x"), 0);
      harness.processElement1(row(RowKind.INSERT, 1, "b"), 0);
      assertThat(changes(harness)).containsExactly(
          "+I 1 a null null",
          "+I 1 b 1 x");
    }
  }

  @Test
  void retractingAnExpiredRowOfTheInnerSideEmitsNothing() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.LEFT)) {
      harness.processElement2(row(RowKind.INSERT, 1, "x"), 0);
      harness.processElement1(row(RowKind.INSERT, 1, "a"), 0);
      harness.setProcessingTime(2 * TTL);
      // Both rows expired: the left row's match count is not there to take "a" back to padded.
      harness.processElement2(row(RowKind.DELETE, 1, "x"), 0);
      assertThat(changes(harness)).containsExactly("+I 1 a 1 x");
    }
  }

  @Test
  void aNewMatchRenewsTheOuterRowWhoseMatchCountItRewrites() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.LEFT)) {
      harness.processElement1(row(RowKind.INSERT, 1, "a"), 0);
      harness.setProcessingTime(TTL - 10);
      harness.processElement2(row(RowKind.INSERT, 1, "x"), 0);
      harness.setProcessingTime(TTL + 50);
      // "a" was renewed at TTL - 10 when its match count changed, so it still joins.
      harness.processElement2(row(RowKind.INSERT, 1, "y"), 0);
      assertThat(changes(harness)).containsExactly(
          "+I 1 a null null",
          "-D 1 a null null",
          "+I 1 a 1 x",
          "+I 1 a 1 y");
    }
  }

  @Test
  void fullJoinPadsALateRowWhoseMatchesExpired() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.FULL)) {
      harness.processElement1(row(RowKind.INSERT, 1, "a"), 0);
      harness.setProcessingTime(2 * TTL);
      // "a" expired: "x" finds nothing and comes out padded; "a"'s padded row stays as it was.
      harness.processElement2(row(RowKind.INSERT, 1, "x"), 0);
      harness.processElement2(row(RowKind.DELETE, 1, "x"), 0);
      assertThat(changes(harness)).containsExactly(
          "+I 1 a null null",
          "+I null null 1 x",
          "-D null null 1 x");
    }
  }

  @Test
  void deletingAnExpiredOuterRowStillRetractsItsPaddedRow() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.LEFT)) {
      harness.processElement1(row(RowKind.INSERT, 1, "a"), 0);
      harness.setProcessingTime(2 * TTL);
      // As in Flink: a retraction of an outer row without matches deletes its padded row,
      // whether or not the row was still held.
      harness.processElement1(row(RowKind.DELETE, 1, "a"), 0);
      assertThat(changes(harness)).containsExactly("+I 1 a null null", "-D 1 a null null");
    }
  }
}
