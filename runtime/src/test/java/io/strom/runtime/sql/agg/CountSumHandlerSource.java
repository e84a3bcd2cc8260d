package io.strom.runtime.sql.agg;

import io.strom.runtime.generated.GeneratedClass;
import io.strom.types.DataTypes;
import io.strom.types.RowType;

/**
 * A hand-written {@link AggsHandler} for operator tests, as the code generator would write it for
 * {@code SELECT k, COUNT(*), SUM(v) ... GROUP BY k} over rows {@code (k STRING, v BIGINT)}.
 */
public final class CountSumHandlerSource {
  private CountSumHandlerSource() {}

  /** The accumulator rows: the count, then the sum. */
  public static final RowType ACCUMULATORS = DataTypes.ROW(
      DataTypes.FIELD("count", DataTypes.BIGINT()), DataTypes.FIELD("sum", DataTypes.BIGINT()));

  /** COUNT(*) and SUM(v) with a retractable row count, and merge for the global phase. */
  private static final String SOURCE = """
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
        public void accumulate(io.strom.data.Row input) { count++; sum += input.getLong(1); }
        public void retract(io.strom.data.Row input) { count--; sum -= input.getLong(1); }
        public void merge(io.strom.data.Row partial, int offset) {
          count += partial.getLong(offset);
          sum += partial.getLong(offset + 1);
        }
        public io.strom.data.Row getValue(io.strom.data.Row key) {
          io.strom.data.GenericRow out = new io.strom.data.GenericRow(3);
          out.setField(0, key.getString(0));
          out.setLong(1, count);
          out.setLong(2, sum);
          return out;
        }
        public boolean recordCountIsZero() { return count <= 0; }
        public void cleanup() {}
        public void close() {}
      }
      """;

  public static GeneratedClass<AggsHandler> code() {
    return new GeneratedClass<>("CountSumAggs", SOURCE, new Object[0]);
  }
}
