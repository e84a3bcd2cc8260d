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
import org.junit.jupiter.api.Test;

/**
 * What an interval join emits and when, for rows on time, late rows and each join type. Both
 * sides are (k INT, ts TIMESTAMP(3), v STRING); the bounds are {@code l.ts BETWEEN r.ts - 10 AND
 * r.ts + 5} (milliseconds) unless a test says otherwise, so a left row waits for right rows until
 * the watermark passes {@code l.ts + 10} and a right row for left rows until it passes
 * {@code r.ts + 5}.
 */
class IntervalJoinOperatorTest {
  private static final RowType SIDE =
      DataTypes.ROW(
          DataTypes.FIELD("k", DataTypes.INT()),
          DataTypes.FIELD("ts", DataTypes.TIMESTAMP(3)),
          DataTypes.FIELD("v", DataTypes.STRING()));
  private static final IntervalJoinBounds BOUNDS = new IntervalJoinBounds(true, -10, 5, 1, 1);

  private static TwoInputOperatorHarness<Row, Row, Row> harness(
      StreamingJoinOperator.Type type,
      IntervalJoinBounds bounds,
      StreamingJoinOperator.JoinConditionFactory condition)
      throws Exception {
    KeySelector<Row, BinaryRow> key = IntervalJoinOperatorTest::key;
    TwoInputOperatorHarness<Row, Row, Row> harness =
        TwoInputOperatorHarness.keyed(
            new IntervalJoinOperator(type, bounds, SIDE, SIDE, condition, new boolean[] {true}),
            key,
            key);
    harness.open();
    return harness;
  }

  private static TwoInputOperatorHarness<Row, Row, Row> harness(StreamingJoinOperator.Type type)
      throws Exception {
    return harness(type, BOUNDS, loader -> JoinCondition.ALWAYS);
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

  private static Row row(Integer k, long ts, String v) {
    GenericRow row = new GenericRow(3);
    if (k == null) {
      row.setNullAt(0);
    } else {
      row.setInt(0, k);
    }
    row.setTimestamp(1, TimestampData.fromEpochMillis(ts));
    row.setString(2, StringData.fromString(v));
    return row;
  }

  /** Each output as "+I 1 100 a | 1 95 x", a padded side as "null". */
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

  @Test
  void innerJoinMatchesRowsWithinBothBoundsInclusive() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.INNER)) {
      harness.processElement1(row(1, 100, "a"), 0);
      harness.processElement2(row(1, 94, "too-early"), 0);
      harness.processElement2(row(1, 95, "lowest"), 0);
      harness.processElement2(row(1, 110, "highest"), 0);
      harness.processElement2(row(1, 111, "too-late"), 0);
      harness.processElement2(row(2, 100, "other-key"), 0);
      assertThat(out(harness)).containsExactly("+I 1 100 a | 1 95 lowest", "+I 1 100 a | 1 110 highest");
    }
  }

  @Test
  void leftJoinPadsAnUnmatchedRowOnceWhenTheWatermarkPassesItsBound() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.LEFT)) {
      harness.processElement1(row(1, 100, "a"), 0);
      harness.processElement1(row(1, 80, "b"), 0);
      harness.processElement2(row(1, 85, "x"), 0);
      assertThat(out(harness)).containsExactly("+I 1 80 b | 1 85 x");
      // Still waiting for right rows up to 110: a right row at 110 would match.
      harness.processWatermark(110);
      assertThat(out(harness)).hasSize(1);
      harness.processWatermark(111);
      assertThat(out(harness)).containsExactly("+I 1 80 b | 1 85 x", "+I 1 100 a | null");
      harness.processWatermark(Watermarks.END);
      assertThat(out(harness)).hasSize(2);
      assertThat(harness.stateBackend().totalEntryCount()).isZero();
      assertThat(harness.timerServiceManager().numEventTimeTimers()).isZero();
    }
  }

  @Test
  void rightJoinPadsAnUnmatchedRightRowAfterTheUpperBound() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.RIGHT)) {
      harness.processElement2(row(1, 100, "x"), 0);
      harness.processElement1(row(1, 80, "too-early"), 0);
      harness.processWatermark(105);
      assertThat(out(harness)).isEmpty();
      harness.processWatermark(106);
      assertThat(out(harness)).containsExactly("+I null | 1 100 x");
    }
  }

  @Test
  void fullJoinPadsBothSidesAndNeverRetracts() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.FULL)) {
      harness.processElement1(row(1, 100, "a"), 0);
      harness.processElement2(row(1, 200, "x"), 0);
      harness.processElement2(row(1, 104, "y"), 0);
      harness.processWatermark(Watermarks.END);
      assertThat(out(harness)).containsExactlyInAnyOrder(
          "+I 1 100 a | 1 104 y", "+I null | 1 200 x");
      assertThat(harness.values()).allMatch(r -> r.kind() == RowKind.INSERT);
    }
  }

  @Test
  void aRowBehindTheWatermarkStillJoinsWhatTheOtherSideHolds() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.INNER)) {
      harness.processElement1(row(1, 100, "a"), 0);
      harness.processWatermark(108);
      // 104 is behind the watermark, but the left row at 100 waits until 110.
      harness.processElement2(row(1, 104, "late"), 0);
      assertThat(out(harness)).containsExactly("+I 1 100 a | 1 104 late");
      // The late right row is held until 109: a left row at 99 still finds it.
      harness.processElement1(row(1, 99, "later"), 0);
      assertThat(out(harness)).containsExactly("+I 1 100 a | 1 104 late", "+I 1 99 later | 1 104 late");
    }
  }

  @Test
  void aRowTooLateForAnyFutureMatchIsPaddedAtOnceAndNotHeld() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.FULL)) {
      harness.processWatermark(200);
      harness.processElement2(row(1, 150, "x"), 0);
      assertThat(out(harness)).containsExactly("+I null | 1 150 x");
      // A left row that would have matched it finds nothing: the right row was never held.
      harness.processElement1(row(1, 150, "a"), 0);
      assertThat(out(harness)).containsExactly("+I null | 1 150 x", "+I 1 150 a | null");
      assertThat(harness.stateBackend().totalEntryCount()).isZero();
    }
  }

  @Test
  void expiredRowsLeaveStateAsTheWatermarkPasses() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.INNER)) {
      harness.processElement1(row(1, 100, "a"), 0);
      harness.processElement2(row(1, 300, "x"), 0);
      harness.processWatermark(111);
      // The left row left state, the right row (waiting until 305) did not.
      harness.processElement2(row(1, 101, "late"), 0);
      assertThat(out(harness)).isEmpty();
      harness.processWatermark(306);
      assertThat(harness.stateBackend().totalEntryCount()).isZero();
      assertThat(harness.timerServiceManager().numEventTimeTimers()).isZero();
    }
  }

  @Test
  void theOutputWatermarkIsHeldBackByTheLongestWait() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.INNER)) {
      harness.processWatermark(100);
      harness.processWatermark(Watermarks.END);
      assertThat(harness.watermarks()).containsExactly(90L, Watermarks.END);
    }
  }

  @Test
  void theRestOfTheConditionDecidesMatchesAndPadding() throws Exception {
    StreamingJoinOperator.JoinConditionFactory differentValues =
        loader -> (l, r) -> !l.getString(2).toString().equals(r.getString(2).toString());
    try (var harness = harness(StreamingJoinOperator.Type.LEFT, BOUNDS, differentValues)) {
      harness.processElement1(row(1, 100, "same"), 0);
      harness.processElement1(row(1, 100, "other"), 0);
      harness.processElement2(row(1, 100, "same"), 0);
      harness.processWatermark(Watermarks.END);
      assertThat(out(harness)).containsExactly("+I 1 100 other | 1 100 same", "+I 1 100 same | null");
    }
  }

  @Test
  void nullKeysMatchNothingButOuterRowsStillComeOut() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.FULL)) {
      harness.processElement1(row(null, 100, "a"), 0);
      harness.processElement2(row(null, 100, "x"), 0);
      harness.processWatermark(Watermarks.END);
      assertThat(out(harness)).containsExactlyInAnyOrder("+I null 100 a | null", "+I null | null 100 x");
    }
  }

  @Test
  void boundsThatNoPairCanMeetPadEveryOuterRowAtOnceAndHoldNothing() throws Exception {
    IntervalJoinBounds empty = new IntervalJoinBounds(true, 10, 5, 1, 1);
    try (var harness = harness(StreamingJoinOperator.Type.LEFT, empty, loader -> JoinCondition.ALWAYS)) {
      harness.processElement1(row(1, 100, "a"), 0);
      harness.processElement2(row(1, 93, "x"), 0);
      harness.processWatermark(100);
      assertThat(out(harness)).containsExactly("+I 1 100 a | null");
      assertThat(harness.watermarks()).containsExactly(100L);
      assertThat(harness.stateBackend().totalEntryCount()).isZero();
    }
  }

  @Test
  void onProcessingTimeRowsWaitForTheClockAndWatermarksPassUnchanged() throws Exception {
    IntervalJoinBounds processingTime = new IntervalJoinBounds(false, -10, 5, 1, 1);
    try (var harness =
        harness(StreamingJoinOperator.Type.LEFT, processingTime, loader -> JoinCondition.ALWAYS)) {
      harness.setProcessingTime(100);
      harness.processElement1(row(1, 100, "a"), 0);
      harness.processElement1(row(1, 100, "b"), 0);
      harness.setProcessingTime(104);
      harness.processElement2(row(1, 104, "x"), 0);
      harness.processWatermark(500);
      assertThat(out(harness))
          .containsExactlyInAnyOrder("+I 1 100 a | 1 104 x", "+I 1 100 b | 1 104 x");
      assertThat(harness.watermarks()).containsExactly(500L);
      // Left rows at 100 wait for right rows until the clock passes 110; then they go, matched.
      harness.setProcessingTime(111);
      harness.processElement1(row(1, 111, "c"), 0);
      assertThat(out(harness)).hasSize(2);
      harness.setProcessingTime(122);
      assertThat(out(harness)).hasSize(3).endsWith("+I 1 111 c | null");
      assertThat(harness.stateBackend().totalEntryCount()).isZero();
    }
  }
}
