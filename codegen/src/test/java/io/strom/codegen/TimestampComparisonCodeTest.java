package io.strom.codegen;

import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.ROW;
import static io.strom.types.DataTypes.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.FunctionContext;
import io.strom.codegen.testing.SqlToRex;
import io.strom.codegen.types.TypeConversions;
import io.strom.data.BinaryRow;
import io.strom.data.BinaryRowWriter;
import io.strom.data.GenericRow;
import io.strom.data.JoinedRow;
import io.strom.data.Row;
import io.strom.data.TimestampData;
import io.strom.runtime.generated.CalcFunction;
import io.strom.types.RowType;
import org.apache.calcite.rex.RexProgram;
import org.junit.jupiter.api.Test;

/**
 * Comparisons of timestamps read straight from the input row (millis and nanos, no object per
 * read): same answers as {@code TimestampData.compareTo}, NULL when either side is, nanos counted
 * above precision 3, on binary, object and joined rows.
 */
class TimestampComparisonCodeTest {
  /** a, b: TIMESTAMP(3); c, d: TIMESTAMP(6). */
  private static final RowType TYPE = ROW(
      FIELD("a", TIMESTAMP(3)), FIELD("b", TIMESTAMP(3)),
      FIELD("c", TIMESTAMP(6)), FIELD("d", TIMESTAMP(6)));
  private static final String SELECT =
      "SELECT a < b, a = b, c > d, c <= d, a < c, b BETWEEN a AND c FROM T";

  private static CalcFunction calc(String select) throws Exception {
    SqlToRex sql = new SqlToRex(TYPE);
    RexProgram program = sql.program(select);
    RowType out = TypeConversions.toRowType(program.getOutputRowType());
    CalcFunction function = CalcCodeGenerator.generate(program, TYPE, out, "timestamps")
        .newInstance(TimestampComparisonCodeTest.class.getClassLoader());
    function.open(FunctionContext.utc());
    return function;
  }

  private static TimestampData ts(long millis, int nanos) {
    return TimestampData.fromEpochMillis(millis, nanos);
  }

  private static BinaryRow binary(TimestampData... values) {
    BinaryRowWriter writer = new BinaryRowWriter(values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        writer.setNullAt(i);
      } else {
        writer.writeTimestamp(i, values[i], i < 2 ? 3 : 6);
      }
    }
    return writer.complete();
  }

  private static GenericRow generic(TimestampData... values) {
    GenericRow row = new GenericRow(values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        row.setNullAt(i);
      } else {
        row.setTimestamp(i, values[i]);
      }
    }
    return row;
  }

  private static String results(Row out) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < out.arity(); i++) {
      sb.append(i == 0 ? "" : ",").append(out.isNullAt(i) ? "NULL" : out.getBoolean(i));
    }
    return sb.toString();
  }

  @Test
  void comparesMillisThenNanosAboveMillisecondPrecision() throws Exception {
    CalcFunction f = calc(SELECT);
    TimestampData[] values = {ts(1_000, 0), ts(2_000, 0), ts(1_000, 500), ts(1_000, 400)};
    String expected = "true,false,true,false,true,false";
    assertThat(results(f.apply(binary(values)))).isEqualTo(expected);
    assertThat(results(f.apply(generic(values)))).isEqualTo(expected);
  }

  @Test
  void equalMillisAreOrderedByNanos() throws Exception {
    CalcFunction f = calc(SELECT);
    // b equals a; c is one nanosecond after a, so a < c and b lies between a and c.
    TimestampData[] values = {ts(5_000, 0), ts(5_000, 0), ts(5_000, 1), ts(5_000, 1)};
    String expected = "false,true,false,true,true,true";
    assertThat(results(f.apply(binary(values)))).isEqualTo(expected);
    assertThat(results(f.apply(generic(values)))).isEqualTo(expected);
  }

  @Test
  void nullOnEitherSideIsNull() throws Exception {
    CalcFunction f = calc(SELECT);
    TimestampData[] values = {ts(-86_400_000L, 0), null, null, ts(0, 999_999)};
    String expected = "NULL,NULL,NULL,NULL,NULL,NULL";
    assertThat(results(f.apply(binary(values)))).isEqualTo(expected);
    assertThat(results(f.apply(generic(values)))).isEqualTo(expected);
  }

  @Test
  void joinedRowsReadEachSide() throws Exception {
    CalcFunction f = calc("SELECT c BETWEEN a AND d, b > a, d < c FROM T");
    // A join condition sees a, b from the left row and c, d from the right one.
    JoinedRow pair = new JoinedRow(
        pairOf(3, ts(1_000, 0), ts(3_000, 0)), pairOf(6, ts(2_000, 7), ts(2_000, 8)));
    assertThat(results(f.apply(pair))).isEqualTo("true,true,false");
  }

  @Test
  void inputTimestampsAreNotBuiltAsObjects() throws Exception {
    SqlToRex sql = new SqlToRex(TYPE);
    RexProgram program = sql.program("SELECT a FROM T WHERE b BETWEEN a AND c");
    String code = CalcCodeGenerator.generate(program, TYPE,
        TypeConversions.toRowType(program.getOutputRowType()), "between").code();
    String filter = code.substring(code.indexOf("private boolean filter"));
    filter = filter.substring(0, filter.indexOf("\n}\n"));
    assertThat(filter).contains("getTimestampMillis").doesNotContain("getTimestamp(");
  }

  private static BinaryRow pairOf(int precision, TimestampData first, TimestampData second) {
    BinaryRowWriter writer = new BinaryRowWriter(2);
    writer.writeTimestamp(0, first, precision);
    writer.writeTimestamp(1, second, precision);
    return writer.complete();
  }
}
