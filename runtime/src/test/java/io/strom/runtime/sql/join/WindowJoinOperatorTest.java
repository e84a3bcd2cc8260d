package io.strom.runtime.sql.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
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
 * What a window join emits and when. Both sides are windowed rows (k INT, window_start,
 * window_end, v STRING) of 10 ms windows, keyed by (k, window_start, window_end) as the planner
 * keys them, so a window fires when the watermark reaches its end minus 1 ms.
 */
class WindowJoinOperatorTest {
  private static final RowType SIDE =
      DataTypes.ROW(
          DataTypes.FIELD("k", DataTypes.INT()),
          DataTypes.FIELD("window_start", DataTypes.TIMESTAMP(3)),
          DataTypes.FIELD("window_end", DataTypes.TIMESTAMP(3)),
          DataTypes.FIELD("v", DataTypes.STRING()));
  private static final RowType KEY =
      DataTypes.ROW(
          DataTypes.FIELD("k", DataTypes.INT()),
          DataTypes.FIELD("window_start", DataTypes.TIMESTAMP(3)),
          DataTypes.FIELD("window_end", DataTypes.TIMESTAMP(3)));

  private static WindowJoinOperator operator(StreamingJoinOperator.Type type) {
    return new WindowJoinOperator(
        type, SIDE, SIDE, 2, 2, loader -> JoinCondition.ALWAYS, new boolean[] {true, true, true});
  }

  private static TwoInputOperatorHarness<Row, Row, Row> harness(
      WindowJoinOperator operator, Map<Integer, byte[]> restoreFrom) throws Exception {
    KeySelector<Row, BinaryRow> key = WindowJoinOperatorTest::key;
    TwoInputOperatorHarness<Row, Row, Row> harness =
        TwoInputOperatorHarness.keyed(operator, key, key);
    if (restoreFrom != null) {
      harness.restoreKeyedState(restoreFrom);
    }
    harness.open();
    return harness;
  }

  private static TwoInputOperatorHarness<Row, Row, Row> harness(StreamingJoinOperator.Type type)
      throws Exception {
    return harness(operator(type), null);
  }

  private static BinaryRow key(Row row) {
    GenericRow key = new GenericRow(3);
    if (row.isNullAt(0)) {
      key.setNullAt(0);
    } else {
      key.setInt(0, row.getInt(0));
    }
    key.setTimestamp(1, row.getTimestamp(1, 3));
    key.setTimestamp(2, row.getTimestamp(2, 3));
    return new RowSerializer(KEY).toBinary(key).copy();
  }

  /** A row of the 10 ms window starting at {@code start}. */
  private static Row row(Integer k, long start, String v) {
    GenericRow row = new GenericRow(4);
    if (k == null) {
      row.setNullAt(0);
    } else {
      row.setInt(0, k);
    }
    row.setTimestamp(1, TimestampData.fromEpochMillis(start));
    row.setTimestamp(2, TimestampData.fromEpochMillis(start + 10));
    row.setString(3, StringData.fromString(v));
    return row;
  }

  /** Each output as "+I a | x", a padded side as "null". */
  private static List<String> out(TwoInputOperatorHarness<Row, Row, Row> harness) {
    List<String> out = new ArrayList<>();
    for (Row row : harness.values()) {
      out.add(row.kind().shortString() + " " + side(row, 0) + " | " + side(row, 4));
    }
    return out;
  }

  private static String side(Row row, int offset) {
    return row.isNullAt(offset + 3) ? "null" : row.getString(offset + 3).toString();
  }

  @Test
  void innerJoinEmitsAWindowsPairsOnceTheWatermarkReachesItsLastMillisecond() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.INNER)) {
      harness.processElement1(row(1, 0, "a"), 0);
      harness.processElement2(row(1, 0, "x"), 0);
      harness.processElement2(row(1, 0, "y"), 0);
      harness.processElement2(row(2, 0, "other-key"), 0);
      harness.processElement2(row(1, 10, "other-window"), 0);
      harness.processWatermark(8);
      assertThat(out(harness)).isEmpty();
      harness.processWatermark(9);
      assertThat(out(harness)).containsExactlyInAnyOrder("+I a | x", "+I a | y");
      harness.processWatermark(Watermarks.END);
      assertThat(out(harness)).hasSize(2);
      assertThat(harness.stateBackend().totalEntryCount()).isZero();
      assertThat(harness.timerServiceManager().numEventTimeTimers()).isZero();
    }
  }

  @Test
  void fullJoinPadsTheRowsOfEitherSideThatMatchedNothing() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.FULL)) {
      harness.processElement1(row(1, 0, "a"), 0);
      harness.processElement1(row(2, 0, "b"), 0);
      harness.processElement2(row(1, 0, "x"), 0);
      harness.processElement2(row(3, 0, "z"), 0);
      harness.processWatermark(9);
      assertThat(out(harness)).containsExactlyInAnyOrder("+I a | x", "+I b | null", "+I null | z");
    }
  }

  @Test
  void nullKeysMatchNothingButOuterSidesStillPadThem() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.LEFT)) {
      harness.processElement1(row(null, 0, "a"), 0);
      harness.processElement2(row(null, 0, "x"), 0);
      harness.processWatermark(9);
      assertThat(out(harness)).containsExactly("+I a | null");
    }
  }

  @Test
  void theRestOfTheConditionFiltersPairsAndAnOuterSidePadsTheRejectedRows() throws Exception {
    WindowJoinOperator operator = new WindowJoinOperator(
        StreamingJoinOperator.Type.RIGHT, SIDE, SIDE, 2, 2,
        loader -> (left, right) -> !right.getString(3).toString().equals("rejected"),
        new boolean[] {true, true, true});
    try (var harness = harness(operator, null)) {
      harness.processElement1(row(1, 0, "a"), 0);
      harness.processElement2(row(1, 0, "x"), 0);
      harness.processElement2(row(1, 0, "rejected"), 0);
      harness.processWatermark(9);
      assertThat(out(harness)).containsExactlyInAnyOrder("+I a | x", "+I null | rejected");
    }
  }

  @Test
  void rowsOfAFiredWindowAreLateDroppedAndCounted() throws Exception {
    try (var harness = harness(StreamingJoinOperator.Type.FULL)) {
      harness.processElement1(row(1, 0, "a"), 0);
      harness.processWatermark(9);
      assertThat(out(harness)).containsExactly("+I a | null");
      // Window [0, 10) has fired: both rows are late, even the left one that would have matched.
      harness.processElement2(row(1, 0, "late"), 0);
      harness.processElement1(row(1, 0, "late too"), 0);
      // Window [10, 20) is still open.
      harness.processElement2(row(1, 10, "on time"), 0);
      harness.processWatermark(Watermarks.END);
      assertThat(out(harness)).containsExactly("+I a | null", "+I null | on time");
      assertThat(harness.metric(WindowJoinOperator.LATE_RECORDS_DROPPED)).isEqualTo(2);
    }
  }

  @Test
  void heldRowsAndTheirTimersSurviveACheckpointAndRestore() throws Exception {
    Map<Integer, byte[]> snapshot;
    try (var before = harness(StreamingJoinOperator.Type.LEFT)) {
      before.processElement1(row(1, 0, "a"), 0);
      before.processElement1(row(2, 0, "b"), 0);
      before.processElement2(row(1, 0, "x"), 0);
      before.processElement1(row(1, 10, "c"), 0);
      before.processWatermark(5);
      snapshot = before.snapshotKeyedState();
      assertThat(out(before)).isEmpty();
    }
    try (var after = harness(operator(StreamingJoinOperator.Type.LEFT), snapshot)) {
      after.processElement2(row(1, 0, "y"), 0);
      after.processWatermark(9);
      assertThat(out(after)).containsExactlyInAnyOrder("+I a | x", "+I a | y", "+I b | null");
      after.processWatermark(19);
      assertThat(out(after)).contains("+I c | null").hasSize(4);
      assertThat(after.stateBackend().totalEntryCount()).isZero();
    }
  }
}
