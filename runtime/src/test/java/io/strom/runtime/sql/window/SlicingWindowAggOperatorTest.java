package io.strom.runtime.sql.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.TimestampData;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.testutils.OneInputOperatorHarness;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code SELECT k, window_start, window_end, COUNT(*), SUM(v) ... GROUP BY k, window_start,
 * window_end} over HOP (slide 10 ms, size 30 ms) and CUMULATE (step 10 ms, size 30 ms), fed rows
 * {@code (k, v, slice_start, slice_end)} as the sliced window table function gives them.
 */
class SlicingWindowAggOperatorTest {
  private static final RowType INPUT = DataTypes.ROW(
      DataTypes.FIELD("k", DataTypes.INT()),
      DataTypes.FIELD("v", DataTypes.INT()),
      DataTypes.FIELD("window_start", DataTypes.TIMESTAMP(3)),
      DataTypes.FIELD("window_end", DataTypes.TIMESTAMP(3)));
  private static final RowType KEY = DataTypes.ROW(DataTypes.FIELD("k", DataTypes.INT()));
  private static final RowType ACCUMULATORS = DataTypes.ROW(
      DataTypes.FIELD("count", DataTypes.BIGINT()), DataTypes.FIELD("sum", DataTypes.BIGINT()));

  /** COUNT(*) and SUM(v), which merge, with the key (k, window_start, window_end) first. */
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
        public void merge(io.strom.data.Row partial, int offset) {
          count += partial.getLong(offset);
          sum += partial.getLong(offset + 1);
        }
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

  private static OneInputOperatorHarness<Row, Row> harness(SqlWindow window) throws Exception {
    OneInputOperatorHarness<Row, Row> harness = unopened(window, true);
    harness.open();
    return harness;
  }

  private static OneInputOperatorHarness<Row, Row> unopened(SqlWindow window, boolean eventTime) {
    SlicingWindowAggOperator operator = new SlicingWindowAggOperator(
        new GeneratedClass<AggsHandler>("CountSumAggs", HANDLER, new Object[0]),
        ACCUMULATORS,
        new WindowSlices(window),
        3,
        new int[] {0, SessionWindowAggOperator.windowStart(), SessionWindowAggOperator.windowEnd()},
        eventTime);
    KeySelector<Row, BinaryRow> key = SlicingWindowAggOperatorTest::key;
    return OneInputOperatorHarness.keyed(operator, key);
  }

  private static BinaryRow key(Row row) {
    return new RowSerializer(KEY).toBinary(GenericRow.of(row.getInt(0))).copy();
  }

  /** A row of key {@code k} at {@code time}, in its 10 ms slice. */
  private static void row(OneInputOperatorHarness<Row, Row> harness, int k, int v, long time)
      throws Exception {
    long start = Math.floorDiv(time, 10) * 10;
    harness.processElement(GenericRow.of(k, v, TimestampData.fromEpochMillis(start),
        TimestampData.fromEpochMillis(start + 10)), time);
  }

  /** Each output as "k [start, end) count sum". */
  private static List<String> windows(OneInputOperatorHarness<Row, Row> harness) {
    List<String> out = new ArrayList<>();
    for (Row row : harness.values()) {
      out.add(row.getInt(0) + " [" + row.getTimestamp(1, 3).millisecond() + ", "
          + row.getTimestamp(2, 3).millisecond() + ") " + row.getLong(3) + " " + row.getLong(4));
    }
    return out;
  }

  private static InternalValueState<BinaryRow, Long, Row> slices(
      OneInputOperatorHarness<Row, Row> harness) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    InternalValueState<BinaryRow, Long, Row> state = (InternalValueState) harness.stateBackend()
        .valueState(new ValueStateDescriptor<>("window-slice-accumulators", Types.row(ACCUMULATORS)));
    return state;
  }

  @Test
  void hopWindowsMergeTheirSlicesIncludingEmptyOnesAndFreeEachSliceAfterItsLastWindow()
      throws Exception {
    try (var harness = harness(SqlWindow.hop(10, 30, 0))) {
      row(harness, 1, 1, 5);
      row(harness, 1, 2, 25);
      row(harness, 1, 4, 27);
      row(harness, 2, 8, 12);
      harness.processWatermark(29);
      // Windows of different keys that end together fire in no set order.
      assertThat(windows(harness)).containsExactlyInAnyOrder(
          "1 [-20, 10) 1 1", "1 [-10, 20) 1 1", "2 [-10, 20) 1 8", "1 [0, 30) 3 7",
          "2 [0, 30) 1 8");
      assertThat(slices(harness).get(key(GenericRow.of(1)), 10L)).isNull();
      assertThat(slices(harness).get(key(GenericRow.of(1)), 30L)).isNotNull();
      harness.processWatermark(1000);
      assertThat(windows(harness)).containsExactlyInAnyOrder(
          "1 [-20, 10) 1 1", "1 [-10, 20) 1 1", "2 [-10, 20) 1 8", "1 [0, 30) 3 7",
          "2 [0, 30) 1 8", "2 [10, 40) 1 8", "1 [10, 40) 2 6", "1 [20, 50) 2 6");
      assertThat(slices(harness).get(key(GenericRow.of(1)), 30L)).isNull();
      assertThat(slices(harness).get(key(GenericRow.of(2)), 20L)).isNull();
    }
  }

  @Test
  void cumulateWindowsGrowSliceBySliceAndFreeThePeriodWithItsLastWindow() throws Exception {
    try (var harness = harness(SqlWindow.cumulate(10, 30, 0))) {
      row(harness, 1, 1, 5);
      row(harness, 1, 2, 25);
      row(harness, 1, 4, 31);
      harness.processWatermark(1000);
      assertThat(windows(harness)).containsExactly(
          "1 [0, 10) 1 1", "1 [0, 20) 1 1", "1 [0, 30) 2 3", "1 [30, 40) 1 4", "1 [30, 50) 1 4",
          "1 [30, 60) 1 4");
      assertThat(slices(harness).get(key(GenericRow.of(1)), 10L)).isNull();
      assertThat(slices(harness).get(key(GenericRow.of(1)), 40L)).isNull();
    }
  }

  @Test
  void aRowLateForSomeOfItsWindowsCountsInTheOthersAndOneLateForAllIsDropped() throws Exception {
    try (var harness = harness(SqlWindow.hop(10, 30, 0))) {
      harness.processWatermark(25);
      // Slice [10, 20): its windows end at 20 (fired), 30 and 40.
      row(harness, 1, 1, 15);
      // Slice [-10, 0): its last window ends at 20, which has fired.
      row(harness, 1, 100, -5);
      harness.processWatermark(1000);
      assertThat(windows(harness)).containsExactly("1 [0, 30) 1 1", "1 [10, 40) 1 1");
      assertThat(harness.metric(WindowAggOperator.LATE_RECORDS_DROPPED)).isEqualTo(1);
    }
  }

  @Test
  void slicesAndPendingWindowsSurviveARestore() throws Exception {
    var snapshot = new java.util.HashMap<Integer, byte[]>();
    try (var harness = harness(SqlWindow.hop(10, 30, 0))) {
      row(harness, 1, 1, 5);
      row(harness, 1, 2, 25);
      harness.processWatermark(19);
      assertThat(windows(harness)).containsExactly("1 [-20, 10) 1 1", "1 [-10, 20) 1 1");
      snapshot.putAll(harness.snapshotKeyedState());
    }
    try (var restored = unopened(SqlWindow.hop(10, 30, 0), true)) {
      restored.restoreKeyedState(snapshot);
      restored.open();
      row(restored, 1, 4, 36);
      restored.processWatermark(1000);
      assertThat(windows(restored)).containsExactly(
          "1 [0, 30) 2 3", "1 [10, 40) 2 6", "1 [20, 50) 2 6", "1 [30, 60) 1 4");
    }
  }

  @Test
  void onProcessingTimeWindowsFireOnTheClock() throws Exception {
    try (var harness = unopened(SqlWindow.hop(10, 30, 0), false)) {
      harness.open();
      harness.setProcessingTime(5);
      row(harness, 1, 1, 5);
      harness.setProcessingTime(15);
      row(harness, 1, 2, 15);
      harness.setProcessingTime(19);
      assertThat(windows(harness)).containsExactly("1 [-20, 10) 1 1", "1 [-10, 20) 2 3");
      harness.setProcessingTime(100);
      assertThat(windows(harness)).containsExactly(
          "1 [-20, 10) 1 1", "1 [-10, 20) 2 3", "1 [0, 30) 2 3", "1 [10, 40) 1 2");
    }
  }

  /**
   * On processing time a row goes to the slice of the aggregation's clock, as in Flink, not to
   * the one assigned before the exchange: a row held up there past the end of that slice, whose
   * windows have fired, would otherwise fire them a second time.
   */
  @Test
  void onProcessingTimeARowHeldUpPastItsSliceGoesToTheCurrentOne() throws Exception {
    try (var harness = unopened(SqlWindow.hop(10, 30, 0), false)) {
      harness.open();
      harness.setProcessingTime(5);
      row(harness, 1, 1, 5);
      harness.setProcessingTime(25);
      // Given the slice [0, 10) upstream at time 5; it arrives at 25, after [-20, 10) fired.
      row(harness, 1, 2, 5);
      harness.setProcessingTime(100);
      assertThat(windows(harness)).containsExactly(
          "1 [-20, 10) 1 1", "1 [-10, 20) 1 1", "1 [0, 30) 2 3", "1 [10, 40) 1 2",
          "1 [20, 50) 1 2");
    }
  }

  /**
   * Processing-time TUMBLE (10 ms) takes its windows from the aggregation's clock too: a row given
   * the window [0, 10) upstream that reaches the aggregation after that window fired goes to the
   * window of the clock, and [0, 10) fires once, with only the rows that came in time.
   */
  @Test
  void onProcessingTimeATumblingWindowFiresOnceAndALateRowGoesToTheNextWindow() throws Exception {
    try (var harness = unopened(SqlWindow.tumble(10, 0), false)) {
      harness.open();
      harness.setProcessingTime(3);
      row(harness, 1, 1, 3);
      harness.setProcessingTime(9);
      assertThat(windows(harness)).containsExactly("1 [0, 10) 1 1");
      // Assigned [0, 10) upstream at time 5, held up until 12.
      harness.setProcessingTime(12);
      row(harness, 1, 2, 5);
      harness.setProcessingTime(19);
      assertThat(windows(harness)).containsExactly("1 [0, 10) 1 1", "1 [10, 20) 1 2");
      harness.setProcessingTime(100);
      assertThat(windows(harness)).hasSize(2);
    }
  }

  /**
   * A tumbling window fires when the clock reaches its last millisecond, so a row that comes in
   * that millisecond, possibly after the window fired, counts in the next window.
   */
  @Test
  void onProcessingTimeARowInATumblingWindowsLastMillisecondGoesToTheNextWindow()
      throws Exception {
    try (var harness = unopened(SqlWindow.tumble(10, 0), false)) {
      harness.open();
      harness.setProcessingTime(2);
      row(harness, 1, 1, 2);
      harness.setProcessingTime(9);
      row(harness, 1, 2, 9);
      harness.setProcessingTime(100);
      assertThat(windows(harness)).containsExactly("1 [0, 10) 1 1", "1 [10, 20) 1 2");
    }
  }
}
