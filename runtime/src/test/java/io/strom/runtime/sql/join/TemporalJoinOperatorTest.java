package io.strom.runtime.sql.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.runtime.testutils.TwoInputOperatorHarness;
import io.strom.runtime.time.Watermarks;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an event-time temporal join emits and when, and what it keeps. Both sides are (k INT, ts
 * TIMESTAMP(3), v STRING), keyed by k: left rows are orders as of ts, right rows versions from ts
 * on.
 */
class TemporalJoinOperatorTest {
  private static final RowType SIDE =
      DataTypes.ROW(
          DataTypes.FIELD("k", DataTypes.INT()),
          DataTypes.FIELD("ts", DataTypes.TIMESTAMP(3)),
          DataTypes.FIELD("v", DataTypes.STRING()));
  private static final RowTimeField TIME = new RowTimeField(1, 3);

  private static TwoInputOperatorHarness<Row, Row, Row> harness(
      boolean leftOuter, StreamingJoinOperator.JoinConditionFactory condition) throws Exception {
    TwoInputOperatorHarness<Row, Row, Row> harness = unopened(leftOuter, condition);
    harness.open();
    return harness;
  }

  private static TwoInputOperatorHarness<Row, Row, Row> harness(boolean leftOuter)
      throws Exception {
    return harness(leftOuter, loader -> JoinCondition.ALWAYS);
  }

  private static TwoInputOperatorHarness<Row, Row, Row> unopened(
      boolean leftOuter, StreamingJoinOperator.JoinConditionFactory condition) {
    return unopened(leftOuter, condition, 0);
  }

  private static TwoInputOperatorHarness<Row, Row, Row> unopened(
      boolean leftOuter, StreamingJoinOperator.JoinConditionFactory condition, long ttlMillis) {
    KeySelector<Row, BinaryRow> key = TemporalJoinOperatorTest::key;
    return TwoInputOperatorHarness.keyed(
        new TemporalJoinOperator(
            leftOuter, SIDE, SIDE, TIME, TIME, condition, new boolean[] {true}, ttlMillis),
        key,
        key);
  }

  private static BinaryRow key(Row row) {
    GenericRow key = new GenericRow(1);
    if (row.isNullAt(0)) {
      key.setNullAt(0);
    } else {
      key.setInt(0, row.getInt(0));
    }
    return new RowSerializer(DataTypes.ROW(DataTypes.FIELD("k", DataTypes.INT())))
        .toBinary(key)
        .copy();
  }

  private static Row row(RowKind kind, Integer k, long ts, String v) {
    GenericRow row = new GenericRow(3);
    row.setKind(kind);
    if (k == null) {
      row.setNullAt(0);
    } else {
      row.setInt(0, k);
    }
    row.setTimestamp(1, TimestampData.fromEpochMillis(ts));
    row.setString(2, StringData.fromString(v));
    return row;
  }

  private static Row row(Integer k, long ts, String v) {
    return row(RowKind.INSERT, k, ts, v);
  }

  /** Each output as "+I 1 25 o | 1 20 b", a padded right side as "null". */
  private static List<String> out(TwoInputOperatorHarness<Row, Row, Row> harness) {
    List<String> out = new ArrayList<>();
    for (Row row : harness.values()) {
      out.add(row.kind().shortString() + " " + side(row, 0) + " | " + side(row, 3));
    }
    return out;
  }

  private static String side(Row row, int offset) {
    if (row.isNullAt(offset + 1)) {
      return "null";
    }
    return (row.isNullAt(offset) ? "null" : String.valueOf(row.getInt(offset))) + " "
        + row.getTimestamp(offset + 1, 3).millisecond() + " " + row.getString(offset + 2);
  }

  private static void versions(TwoInputOperatorHarness<Row, Row, Row> harness) throws Exception {
    harness.processElement2(row(1, 10, "a"), 0);
    harness.processElement2(row(RowKind.UPDATE_AFTER, 1, 20, "b"), 0);
    harness.processElement2(row(RowKind.UPDATE_AFTER, 1, 30, "c"), 0);
  }

  @Test
  void eachLeftRowJoinsTheLatestVersionAtOrBeforeItsTime() throws Exception {
    try (var harness = harness(false)) {
      versions(harness);
      harness.processElement1(row(1, 5, "before-all"), 0);
      harness.processElement1(row(1, 20, "at-b"), 0);
      harness.processElement1(row(1, 29, "before-c"), 0);
      harness.processElement1(row(1, 35, "after-all"), 0);
      harness.processElement1(row(2, 35, "other-key"), 0);
      harness.processWatermark(Watermarks.END);
      assertThat(out(harness)).containsExactly(
          "+I 1 20 at-b | 1 20 b", "+I 1 29 before-c | 1 20 b", "+I 1 35 after-all | 1 30 c");
    }
  }

  @Test
  void leftRowsWaitForTheWatermarkAndComeOutInArrivalOrder() throws Exception {
    try (var harness = harness(true)) {
      harness.processElement2(row(1, 10, "a"), 0);
      harness.processElement1(row(1, 25, "second-time"), 0);
      harness.processElement1(row(1, 22, "first-time"), 0);
      harness.processWatermark(21);
      assertThat(harness.values()).isEmpty();
      // Arrives before the watermark passes the orders, so they see it.
      harness.processElement2(row(RowKind.UPDATE_AFTER, 1, 20, "b"), 0);
      harness.processWatermark(25);
      assertThat(out(harness)).containsExactly(
          "+I 1 25 second-time | 1 20 b", "+I 1 22 first-time | 1 20 b");
      assertThat(harness.watermarks()).containsExactly(21L, 25L);
    }
  }

  @Test
  void aDeleteEndsTheVersionBeforeIt() throws Exception {
    try (var harness = harness(true)) {
      harness.processElement2(row(1, 10, "a"), 0);
      harness.processElement2(row(RowKind.DELETE, 1, 20, "a"), 0);
      harness.processElement1(row(1, 15, "during"), 0);
      harness.processElement1(row(1, 25, "after"), 0);
      harness.processWatermark(Watermarks.END);
      assertThat(out(harness)).containsExactly("+I 1 15 during | 1 10 a", "+I 1 25 after | null");
    }
  }

  @Test
  void anUpdateBeforeDoesNotEndTheVersionItRetracts() throws Exception {
    try (var harness = harness(false)) {
      harness.processElement2(row(1, 10, "a"), 0);
      harness.processElement2(row(RowKind.UPDATE_BEFORE, 1, 10, "a"), 0);
      harness.processElement2(row(RowKind.UPDATE_AFTER, 1, 20, "b"), 0);
      harness.processElement1(row(1, 15, "o"), 0);
      harness.processWatermark(Watermarks.END);
      assertThat(out(harness)).containsExactly("+I 1 15 o | 1 10 a");
    }
  }

  @Test
  void outputRowsKeepTheLeftRowsKind() throws Exception {
    try (var harness = harness(true)) {
      harness.processElement2(row(1, 10, "a"), 0);
      harness.processElement1(row(1, 15, "o"), 0);
      harness.processElement1(row(RowKind.UPDATE_BEFORE, 1, 15, "o"), 0);
      harness.processElement1(row(RowKind.UPDATE_AFTER, 1, 16, "o2"), 0);
      harness.processElement1(row(RowKind.DELETE, 2, 16, "gone"), 0);
      harness.processWatermark(Watermarks.END);
      assertThat(out(harness)).containsExactlyInAnyOrder(
          "+I 1 15 o | 1 10 a", "-U 1 15 o | 1 10 a", "+U 1 16 o2 | 1 10 a", "-D 2 16 gone | null");
    }
  }

  @Test
  void aVersionFailingTheRestOfTheConditionCountsAsNoMatch() throws Exception {
    StreamingJoinOperator.JoinConditionFactory notB =
        loader -> (left, right) -> !right.getString(2).toString().equals("b");
    try (var inner = harness(false, notB); var left = harness(true, notB)) {
      for (var harness : List.of(inner, left)) {
        versions(harness);
        harness.processElement1(row(1, 15, "sees-a"), 0);
        harness.processElement1(row(1, 25, "sees-b"), 0);
        harness.processWatermark(Watermarks.END);
      }
      assertThat(out(inner)).containsExactly("+I 1 15 sees-a | 1 10 a");
      assertThat(out(left)).containsExactly("+I 1 15 sees-a | 1 10 a", "+I 1 25 sees-b | null");
    }
  }

  @Test
  void aNullKeyMatchesNothing() throws Exception {
    try (var harness = harness(true)) {
      harness.processElement2(row(null, 10, "a"), 0);
      harness.processElement1(row(null, 15, "o"), 0);
      harness.processWatermark(Watermarks.END);
      assertThat(out(harness)).containsExactly("+I null 15 o | null");
    }
  }

  @Test
  void versionsNoFutureRowCanNeedAreFreedAsTheWatermarkPasses() throws Exception {
    try (var harness = harness(true)) {
      versions(harness);
      harness.processWatermark(25);
      // 10 is freed, 20 stays (current at the watermark): a late order before 20 finds no
      // version any more, and one after it finds 20.
      harness.processElement1(row(1, 15, "late"), 0);
      harness.processElement1(row(1, 22, "late-but-after-b"), 0);
      harness.processWatermark(26);
      assertThat(out(harness)).containsExactly(
          "+I 1 15 late | null", "+I 1 22 late-but-after-b | 1 20 b");
      harness.processWatermark(40);
      // Only the versions of key 1 are left (20 freed, 30 current), and no timer.
      assertThat(harness.stateBackend().totalEntryCount()).isEqualTo(1);
      assertThat(harness.stateBackend().entryCount("temporal-join-versions")).isEqualTo(1);
      assertThat(harness.timerServiceManager().numEventTimeTimers()).isZero();
      harness.processElement1(row(1, 25, "late-after-b-freed"), 0);
      harness.processWatermark(41);
      assertThat(out(harness)).endsWith("+I 1 25 late-after-b-freed | null");
    }
  }

  @Test
  void aDeletedKeyLeavesNoStateOnceTheWatermarkPassesTheDelete() throws Exception {
    try (var harness = harness(false)) {
      harness.processElement2(row(1, 10, "a"), 0);
      harness.processElement2(row(RowKind.DELETE, 1, 20, "a"), 0);
      harness.processWatermark(20);
      assertThat(harness.stateBackend().totalEntryCount()).isZero();
      assertThat(harness.timerServiceManager().numEventTimeTimers()).isZero();
    }
  }

  @Test
  void versionsOfAKeyIdleForTheStateTtlExpire() throws Exception {
    try (var harness = unopened(true, loader -> JoinCondition.ALWAYS, 100)) {
      harness.open();
      harness.processElement2(row(1, 10, "a"), 0);
      harness.processElement2(row(2, 10, "x"), 0);
      harness.processWatermark(10);
      harness.setProcessingTime(50);
      harness.processElement1(row(2, 20, "in-time"), 0);
      harness.processWatermark(20);
      // Key 1's version was written at 0 and not since: at 200 it has expired.
      harness.setProcessingTime(200);
      harness.processElement1(row(1, 25, "after-ttl"), 0);
      harness.processWatermark(25);
      assertThat(out(harness)).containsExactly(
          "+I 2 20 in-time | 2 10 x", "+I 1 25 after-ttl | null");
    }
  }

  @Test
  void waitingRowsAndVersionsSurviveACheckpointAndRestore() throws Exception {
    Map<Integer, byte[]> snapshot;
    try (var before = harness(true)) {
      versions(before);
      before.processElement1(row(1, 25, "waiting"), 0);
      before.processElement1(row(1, 12, "waiting-too"), 0);
      before.processWatermark(5);
      assertThat(before.values()).isEmpty();
      snapshot = before.snapshotKeyedState();
    }
    try (var after = unopened(true, loader -> JoinCondition.ALWAYS)) {
      after.restoreKeyedState(snapshot);
      after.open();
      after.processElement1(row(1, 31, "after-restore"), 0);
      after.processWatermark(25);
      assertThat(out(after)).containsExactly(
          "+I 1 25 waiting | 1 20 b", "+I 1 12 waiting-too | 1 10 a");
      after.processWatermark(Watermarks.END);
      assertThat(out(after)).endsWith("+I 1 31 after-restore | 1 30 c");
    }
  }
}
