package io.strom.runtime.sql.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.TimestampData;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.operators.Output;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.runtime.testutils.OneInputOperatorHarness;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sessions of {@code SELECT k, window_start, window_end, COUNT(*), SUM(v) ... GROUP BY k,
 * window_start, window_end} with a gap of 10 ms, over rows {@code (k, v, ts)}.
 */
class SessionWindowAggOperatorTest {
  private static final RowType INPUT = DataTypes.ROW(
      DataTypes.FIELD("k", DataTypes.INT()),
      DataTypes.FIELD("v", DataTypes.INT()),
      DataTypes.FIELD("ts", DataTypes.TIMESTAMP(3)));
  private static final RowType KEY = DataTypes.ROW(DataTypes.FIELD("k", DataTypes.INT()));

  /** COUNT(*) and SUM(v), with the key (k, window_start, window_end) first in the result. */
  private static final String HANDLER = """
      public final class CountSumAggs implements io.strom.runtime.sql.agg.AggsHandler {
        private long count;
        private long sum;
        public CountSumAggs(Object[] references) {}
        public void open(io.strom.runtime.sql.agg.AggsContext context) {}
        public io.strom.data.Row createAccumulators() {
          return io.strom.data.GenericRow.of(new Object[] {Long.valueOf(0), Long.valueOf(0)});
        }
        public void setAccumulators(io.strom.data.Row accumulators) {
          count = accumulators.getLong(0);
          sum = accumulators.getLong(1);
        }
        public io.strom.data.Row getAccumulators() {
          return io.strom.data.GenericRow.of(new Object[] {Long.valueOf(count), Long.valueOf(sum)});
        }
        public void accumulate(io.strom.data.Row input) { count++; sum += input.getInt(1); }
        public void retract(io.strom.data.Row input) { count--; sum -= input.getInt(1); }
        public io.strom.data.Row getValue(io.strom.data.Row key) {
          io.strom.data.GenericRow out = new io.strom.data.GenericRow(5);
          out.setInt(0, key.getInt(0));
          out.setTimestamp(1, key.getTimestamp(1, 3));
          out.setTimestamp(2, key.getTimestamp(2, 3));
          out.setLong(3, count);
          out.setLong(4, sum);
          return out;
        }
        public boolean recordCountIsZero() { return count == 0; }
        public void cleanup() {}
        public void close() {}
      }
      """;

  private static OneInputOperatorHarness<Row, Row> harness() throws Exception {
    return opened(operator(true));
  }

  private static OneInputOperatorHarness<Row, Row> processingTimeHarness() throws Exception {
    return opened(operator(false));
  }

  private static SessionWindowAggOperator operator(boolean eventTime) {
    return new SessionWindowAggOperator(
        new GeneratedClass<AggsHandler>("CountSumAggs", HANDLER, new Object[0]),
        INPUT,
        2,
        3,
        10,
        new int[] {0, SessionWindowAggOperator.windowStart(), SessionWindowAggOperator.windowEnd()},
        eventTime);
  }

  private static OneInputOperatorHarness<Row, Row> opened(SessionWindowAggOperator operator)
      throws Exception {
    OneInputOperatorHarness<Row, Row> harness = unopened(operator);
    harness.open();
    return harness;
  }

  private static OneInputOperatorHarness<Row, Row> unopened(SessionWindowAggOperator operator) {
    KeySelector<Row, BinaryRow> key = SessionWindowAggOperatorTest::key;
    return OneInputOperatorHarness.keyed(operator, key);
  }

  private static BinaryRow key(Row row) {
    return new RowSerializer(KEY).toBinary(GenericRow.of(row.getInt(0))).copy();
  }

  private static void row(OneInputOperatorHarness<Row, Row> harness, int k, int v, long ts)
      throws Exception {
    harness.processElement(GenericRow.of(k, v, TimestampData.fromEpochMillis(ts)), ts);
  }

  /** A row arriving on processing time; its time column holds a time far from the clock's. */
  private static void arriving(OneInputOperatorHarness<Row, Row> harness, int k, int v)
      throws Exception {
    harness.processElement(GenericRow.of(k, v, TimestampData.fromEpochMillis(999_999)));
  }

  /** Each output as "k [start, end) count sum @timestamp". */
  private static List<String> sessions(OneInputOperatorHarness<Row, Row> harness) {
    List<String> out = new ArrayList<>();
    for (var record : harness.records()) {
      Row row = record.value();
      out.add(row.getInt(0) + " [" + row.getTimestamp(1, 3).millisecond() + ", "
          + row.getTimestamp(2, 3).millisecond() + ") " + row.getLong(3) + " " + row.getLong(4)
          + " @" + record.timestamp());
    }
    return out;
  }

  @Test
  void rowsWithinTheGapFormOneSessionThatFiresWhenTheWatermarkReachesItsLastMillisecond()
      throws Exception {
    try (var harness = harness()) {
      row(harness, 1, 1, 100);
      row(harness, 1, 2, 105);
      row(harness, 1, 3, 115);
      harness.processWatermark(123);
      assertThat(sessions(harness)).isEmpty();
      harness.processWatermark(124);
      assertThat(sessions(harness)).containsExactly("1 [100, 125) 3 6 @124");
    }
  }

  @Test
  void sessionsThatTouchMergeAsInFlink() throws Exception {
    try (var harness = harness()) {
      row(harness, 1, 1, 0);
      row(harness, 1, 2, 10);
      row(harness, 1, 4, 21);
      harness.processWatermark(1000);
      assertThat(sessions(harness)).containsExactly("1 [0, 20) 2 3 @19", "1 [21, 31) 1 4 @30");
    }
  }

  @Test
  void aRowOutOfOrderBridgesTwoSessionsAndMovesTheSessionStartEarlier() throws Exception {
    try (var harness = harness()) {
      row(harness, 1, 1, 100);
      row(harness, 1, 2, 118);
      // [109, 119) touches both [100, 110) and [118, 128).
      row(harness, 1, 4, 109);
      row(harness, 1, 8, 95);
      harness.processWatermark(126);
      assertThat(sessions(harness)).isEmpty();
      harness.processWatermark(127);
      assertThat(sessions(harness)).containsExactly("1 [95, 128) 4 15 @127");
      assertThat(harness.stateBackend().entryCount("session-rows")).isZero();
      assertThat(harness.stateBackend().entryCount("session-windows")).isZero();
    }
  }

  @Test
  void keysHaveTheirOwnSessions() throws Exception {
    try (var harness = harness()) {
      row(harness, 1, 1, 100);
      row(harness, 2, 10, 105);
      row(harness, 1, 2, 108);
      harness.processWatermark(200);
      assertThat(sessions(harness)).containsExactlyInAnyOrder(
          "1 [100, 118) 2 3 @117", "2 [105, 115) 1 10 @114");
    }
  }

  @Test
  void lateRowsAreDroppedAndCountedUnlessTheyJoinAnOpenSession() throws Exception {
    try (var harness = harness()) {
      row(harness, 1, 1, 100);
      harness.processWatermark(108);
      // Its own session [95, 105) has passed, but it touches the open [100, 110).
      row(harness, 1, 2, 95);
      // [80, 90) has passed and joins nothing: late.
      row(harness, 1, 4, 80);
      // Another key, no open session: late as well.
      row(harness, 2, 8, 99);
      harness.processWatermark(200);
      assertThat(sessions(harness)).containsExactly("1 [95, 110) 2 3 @109");
      assertThat(harness.metric(SessionWindowAggOperator.LATE_RECORDS_DROPPED)).isEqualTo(2);
    }
  }

  @Test
  void openSessionsTheirRowsAndTimersSurviveASnapshotAndRestore() throws Exception {
    java.util.Map<Integer, byte[]> snapshot;
    try (var before = harness()) {
      row(before, 1, 1, 100);
      row(before, 1, 2, 118);
      row(before, 2, 10, 105);
      before.processWatermark(50);
      snapshot = before.snapshotKeyedState();
    }
    try (var after = unopened(operator(true))) {
      after.restoreKeyedState(snapshot);
      after.open();
      // Bridges the two restored sessions of key 1.
      row(after, 1, 4, 109);
      after.processWatermark(200);
      assertThat(sessions(after)).containsExactlyInAnyOrder(
          "1 [100, 128) 3 7 @127", "2 [105, 115) 1 10 @114");
    }
  }

  @Test
  void aRowAfterAFiredSessionStartsANewOne() throws Exception {
    try (var harness = harness()) {
      row(harness, 1, 1, 100);
      harness.processWatermark(109);
      row(harness, 1, 2, 105);
      harness.processWatermark(200);
      assertThat(sessions(harness)).containsExactly("1 [100, 110) 1 1 @109", "1 [105, 115) 1 2 @114");
    }
  }

  @Test
  void onProcessingTimeASessionClosesWhenNoRowOfItsKeyArrivedForTheGap() throws Exception {
    try (var harness = processingTimeHarness()) {
      harness.setProcessingTime(100);
      arriving(harness, 1, 1);
      harness.setProcessingTime(105);
      arriving(harness, 1, 2);
      harness.setProcessingTime(113);
      arriving(harness, 2, 10);
      // The row time column is ignored: a row without one still counts on processing time.
      harness.processElement(GenericRow.of(2, 20, null));
      harness.setProcessingTime(113);
      assertThat(sessions(harness)).isEmpty();
      harness.setProcessingTime(114);
      assertThat(sessions(harness)).containsExactly("1 [100, 115) 2 3 @" + Output.NO_TIMESTAMP);
      harness.setProcessingTime(121);
      assertThat(sessions(harness)).hasSize(1);
      harness.setProcessingTime(122);
      assertThat(sessions(harness)).containsExactly(
          "1 [100, 115) 2 3 @" + Output.NO_TIMESTAMP, "2 [113, 123) 2 30 @" + Output.NO_TIMESTAMP);
      assertThat(harness.stateBackend().entryCount("session-rows")).isZero();
      assertThat(harness.stateBackend().entryCount("session-windows")).isZero();
    }
  }

  @Test
  void onProcessingTimeEachRowWithinTheGapMergesIntoTheOpenSessionAndPostponesItsEnd()
      throws Exception {
    try (var harness = processingTimeHarness()) {
      harness.setProcessingTime(0);
      arriving(harness, 1, 1);
      // [8, 18) overlaps [0, 10), and [16, 26) overlaps the merged [0, 18).
      harness.setProcessingTime(8);
      arriving(harness, 1, 2);
      harness.setProcessingTime(16);
      arriving(harness, 1, 4);
      harness.setProcessingTime(24);
      assertThat(sessions(harness)).isEmpty();
      // The session fires when the clock reaches its last millisecond, before a row arriving then.
      harness.setProcessingTime(25);
      arriving(harness, 1, 8);
      harness.setProcessingTime(100);
      assertThat(sessions(harness)).containsExactly(
          "1 [0, 26) 3 7 @" + Output.NO_TIMESTAMP, "1 [25, 35) 1 8 @" + Output.NO_TIMESTAMP);
    }
  }

  @Test
  void onProcessingTimeWatermarksNeitherFireSessionsNorMakeRowsLate() throws Exception {
    try (var harness = processingTimeHarness()) {
      harness.setProcessingTime(100);
      harness.processWatermark(10_000);
      arriving(harness, 1, 1);
      harness.processWatermark(20_000);
      assertThat(sessions(harness)).isEmpty();
      harness.setProcessingTime(109);
      assertThat(sessions(harness)).containsExactly("1 [100, 110) 1 1 @" + Output.NO_TIMESTAMP);
      assertThat(harness.metric(SessionWindowAggOperator.LATE_RECORDS_DROPPED)).isZero();
    }
  }

  @Test
  void processingTimeSessionsAndTheirTimersSurviveASnapshotAndRestore() throws Exception {
    java.util.Map<Integer, byte[]> snapshot;
    try (var before = processingTimeHarness()) {
      before.setProcessingTime(100);
      arriving(before, 1, 1);
      arriving(before, 2, 10);
      before.setProcessingTime(105);
      arriving(before, 1, 2);
      snapshot = before.snapshotKeyedState();
    }
    try (var after = unopened(operator(false))) {
      after.restoreKeyedState(snapshot);
      after.open();
      after.setProcessingTime(108);
      arriving(after, 1, 4);
      after.setProcessingTime(200);
      assertThat(sessions(after)).containsExactlyInAnyOrder(
          "1 [100, 118) 3 7 @" + Output.NO_TIMESTAMP, "2 [100, 110) 1 10 @" + Output.NO_TIMESTAMP);
    }
  }
}
