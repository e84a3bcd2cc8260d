package io.strom.runtime.sql.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.testutils.TwoInputOperatorHarness;
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

  private static TwoInputOperatorHarness<Row, Row, Row> harness(StreamingJoinOperator.Type type)
      throws Exception {
    return StreamingJoinOperatorTest.harness(type, null, TTL);
  }

  private static Row row(RowKind kind, int k, String v) {
    return StreamingJoinOperatorTest.row(kind, k, v);
  }

  private static List<String> changes(TwoInputOperatorHarness<Row, Row, Row> harness) {
    return StreamingJoinOperatorTest.changes(harness);
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
