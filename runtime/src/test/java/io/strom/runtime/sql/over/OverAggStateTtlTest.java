package io.strom.runtime.sql.over;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.StringData;
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
 * {@code SELECT k, v, COUNT(*) OVER w, SUM(v) OVER w FROM t WINDOW w AS (PARTITION BY k ORDER BY
 * proctime ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)} with {@code table.exec.state.ttl}:
 * a partition whose accumulators were not written for the TTL of processing time restarts from
 * empty accumulators, as in Flink. The clock is the harness's.
 */
class OverAggStateTtlTest {
  private static final long TTL = 100;
  private static final RowType INPUT =
      DataTypes.ROW(DataTypes.FIELD("k", DataTypes.STRING()), DataTypes.FIELD("v", DataTypes.BIGINT()));
  private static final RowType KEY = DataTypes.ROW(DataTypes.FIELD("k", DataTypes.STRING()));
  private static final RowType ACCUMULATORS = DataTypes.ROW(
      DataTypes.FIELD("count", DataTypes.BIGINT()), DataTypes.FIELD("sum", DataTypes.BIGINT()));

  /** COUNT(*) and SUM(v) of the frame, as the code generator would write them for OVER. */
  private static final GeneratedClass<AggsHandler> COUNT_SUM = new GeneratedClass<>(
      "OverCountSum", """
      public final class OverCountSum implements io.strom.runtime.sql.agg.AggsHandler {
        private long count;
        private long sum;
        public OverCountSum(Object[] references) {}
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
        public void accumulate(io.strom.data.Row input) { count++; sum += input.getLong(1); }
        public void retract(io.strom.data.Row input) { count--; sum -= input.getLong(1); }
        public io.strom.data.Row getValue(io.strom.data.Row key) {
          return io.strom.data.GenericRow.of(new Object[] {Long.valueOf(count), Long.valueOf(sum)});
        }
        public boolean recordCountIsZero() { return count <= 0; }
        public void cleanup() {}
        public void close() {}
      }
      """, new Object[0]);

  private static OneInputOperatorHarness<Row, Row> harness() throws Exception {
    KeySelector<Row, BinaryRow> key =
        row -> new RowSerializer(KEY).toBinary(GenericRow.of(row.getString(0))).copy();
    OneInputOperatorHarness<Row, Row> harness = OneInputOperatorHarness.keyed(
        new OverAggOperator(
            COUNT_SUM, ACCUMULATORS, INPUT, new OverWindowSpec(true, -1, false, -1, 0), TTL),
        key);
    harness.open();
    return harness;
  }

  private static Row row(String k, long v) {
    return GenericRow.of(StringData.fromString(k), v);
  }

  /** Each output as "a 5 | 1 5": the input row, then COUNT and SUM of its frame. */
  private static List<String> out(OneInputOperatorHarness<Row, Row> harness) {
    List<String> out = new ArrayList<>();
    for (Row row : harness.values()) {
      out.add(row.getString(0) + " " + row.getLong(1) + " | " + row.getLong(2) + " "
          + row.getLong(3));
    }
    return out;
  }

  @Test
  void anExpiredPartitionRestartsItsAccumulators() throws Exception {
    try (var harness = harness()) {
      harness.processElement(row("a", 5));
      harness.processElement(row("b", 1));
      harness.setProcessingTime(TTL - 1);
      // Renews "a" (its accumulators are rewritten); "b" is left idle.
      harness.processElement(row("a", 3));
      harness.setProcessingTime(2 * TTL - 2);
      harness.processElement(row("a", 2));
      harness.processElement(row("b", 4));
      harness.setProcessingTime(4 * TTL);
      harness.processElement(row("a", 7));
      assertThat(out(harness)).containsExactly(
          "a 5 | 1 5",
          "b 1 | 1 1",
          "a 3 | 2 8",
          "a 2 | 3 10",
          "b 4 | 1 4",
          "a 7 | 1 7");
    }
  }
}
