package io.strom.runtime.sql.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.TimestampData;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.runtime.testutils.OneInputOperatorHarness;
import io.strom.serde.RowSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code SELECT k, window_start, window_end, COUNT(DISTINCT v) ... GROUP BY k, window_start,
 * window_end} on processing time, fed rows {@code (k, v, window_start, window_end)} whose window
 * columns were given upstream: the operator ignores them and takes the windows of its clock.
 */
class ProcessingTimeWindowAggOperatorTest {
  private static final RowType KEY = DataTypes.ROW(DataTypes.FIELD("k", DataTypes.INT()));
  private static final RowType ACCUMULATORS =
      DataTypes.ROW(DataTypes.FIELD("distinct_count", DataTypes.BIGINT()));

  /** COUNT(DISTINCT v), whose distinct values live in a view: it cannot merge. */
  private static final String HANDLER = """
      public final class CountDistinctAggs implements io.strom.runtime.sql.agg.AggsHandler {
        private io.strom.api.state.MapState seen;
        private long count;
        private final io.strom.serde.RowSerializer values = new io.strom.serde.RowSerializer(
            io.strom.types.DataTypes.ROW(io.strom.types.DataTypes.FIELD("v",
                io.strom.types.DataTypes.INT())));
        public CountDistinctAggs(Object[] references) {}
        public void open(io.strom.runtime.sql.agg.AggsContext context) {
          seen = context.countingMap("distinct-v", io.strom.types.DataTypes.ROW(
              io.strom.types.DataTypes.FIELD("v", io.strom.types.DataTypes.INT())));
        }
        public io.strom.data.Row createAccumulators() {
          return io.strom.data.GenericRow.of(new Object[] {Long.valueOf(0)});
        }
        public void setAccumulators(io.strom.data.Row accumulators) {
          count = accumulators.getLong(0);
        }
        public io.strom.data.Row getAccumulators() {
          return io.strom.data.GenericRow.of(new Object[] {Long.valueOf(count)});
        }
        public void accumulate(io.strom.data.Row input) throws Exception {
          io.strom.data.BinaryRow v = values.toBinary(
              io.strom.data.GenericRow.of(new Object[] {Integer.valueOf(input.getInt(1))})).copy();
          if (!seen.contains(v)) {
            seen.put(v, Long.valueOf(1));
            count++;
          }
        }
        public void retract(io.strom.data.Row input) {}
        public io.strom.data.Row getValue(io.strom.data.Row key) {
          io.strom.data.GenericRow out = new io.strom.data.GenericRow(4);
          out.setInt(0, key.getInt(0));
          out.setTimestamp(1, key.getTimestamp(1, 3));
          out.setTimestamp(2, key.getTimestamp(2, 3));
          out.setLong(3, count);
          return out;
        }
        public boolean recordCountIsZero() { return false; }
        public void cleanup() throws Exception { seen.clear(); }
        public void close() {}
      }
      """;

  private static OneInputOperatorHarness<Row, Row> harness(SqlWindow window) throws Exception {
    ProcessingTimeWindowAggOperator operator = new ProcessingTimeWindowAggOperator(
        new GeneratedClass<AggsHandler>("CountDistinctAggs", HANDLER, new Object[0]),
        ACCUMULATORS,
        window,
        new int[] {
          0, SessionWindowAggOperator.windowStart(), SessionWindowAggOperator.windowEnd()
        });
    KeySelector<Row, BinaryRow> key =
        row -> new RowSerializer(KEY).toBinary(GenericRow.of(row.getInt(0))).copy();
    OneInputOperatorHarness<Row, Row> harness = OneInputOperatorHarness.keyed(operator, key);
    harness.open();
    return harness;
  }

  /** A row of key {@code k}, given the 10 ms window of {@code upstreamTime} before the exchange. */
  private static void row(OneInputOperatorHarness<Row, Row> harness, int k, int v,
      long upstreamTime) throws Exception {
    long start = Math.floorDiv(upstreamTime, 10) * 10;
    harness.processElement(GenericRow.of(k, v, TimestampData.fromEpochMillis(start),
        TimestampData.fromEpochMillis(start + 10)), upstreamTime);
  }

  /** Each output as "k [start, end) distinct-count". */
  private static List<String> windows(OneInputOperatorHarness<Row, Row> harness) {
    List<String> out = new ArrayList<>();
    for (Row row : harness.values()) {
      out.add(row.getInt(0) + " [" + row.getTimestamp(1, 3).millisecond() + ", "
          + row.getTimestamp(2, 3).millisecond() + ") " + row.getLong(3));
    }
    return out;
  }

  @Test
  void aRowHeldUpPastItsTumblingWindowGoesToTheNextAndNoWindowFiresTwice() throws Exception {
    try (var harness = harness(SqlWindow.tumble(10, 0))) {
      harness.setProcessingTime(3);
      row(harness, 1, 7, 3);
      row(harness, 1, 7, 3);
      harness.setProcessingTime(9);
      assertThat(windows(harness)).containsExactly("1 [0, 10) 1");
      // Given [0, 10) upstream at time 5, it arrives at 12: its value counts afresh in [10, 20).
      harness.setProcessingTime(12);
      row(harness, 1, 7, 5);
      harness.setProcessingTime(100);
      assertThat(windows(harness)).containsExactly("1 [0, 10) 1", "1 [10, 20) 1");
    }
  }

  @Test
  void aRowInAWindowsLastMillisecondGoesToTheNextWindow() throws Exception {
    try (var harness = harness(SqlWindow.tumble(10, 0))) {
      harness.setProcessingTime(2);
      row(harness, 1, 1, 2);
      harness.setProcessingTime(9);
      row(harness, 1, 2, 9);
      harness.setProcessingTime(100);
      assertThat(windows(harness)).containsExactly("1 [0, 10) 1", "1 [10, 20) 1");
    }
  }

  /** Each HOP window keeps distinct values of its own: a value counts in every window it is in. */
  @Test
  void hopWindowsCountTheirDistinctValuesSeparately() throws Exception {
    try (var harness = harness(SqlWindow.hop(10, 20, 0))) {
      harness.setProcessingTime(5);
      row(harness, 1, 1, 5);
      harness.setProcessingTime(15);
      row(harness, 1, 1, 15);
      row(harness, 1, 2, 15);
      harness.setProcessingTime(100);
      assertThat(windows(harness)).containsExactly(
          "1 [-10, 10) 1", "1 [0, 20) 2", "1 [10, 30) 2");
    }
  }
}
