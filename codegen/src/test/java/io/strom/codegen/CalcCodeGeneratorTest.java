package io.strom.codegen;

import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.functions.FunctionContext;
import io.strom.codegen.testing.SqlToRex;
import io.strom.codegen.testing.TestRows;
import io.strom.codegen.types.TypeConversions;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.functions.EvaluationException;
import io.strom.runtime.generated.CalcFunction;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexProgram;
import org.junit.jupiter.api.Test;

class CalcCodeGeneratorTest {

  private static CalcFunction calc(SqlToRex sql, String select) throws Exception {
    RexProgram program = sql.program(select);
    RowType out = TypeConversions.toRowType(program.getOutputRowType());
    CalcFunction function = CalcCodeGenerator.generate(program, sql.inputType(), out, "test")
        .newInstance(CalcCodeGeneratorTest.class.getClassLoader());
    function.open(FunctionContext.utc());
    return function;
  }

  @Test
  void filterRejectsRowsWhoseConditionIsFalseOrNull() throws Exception {
    SqlToRex sql = new SqlToRex(TestRows.TYPE);
    assertThat(calc(sql, "SELECT s FROM T WHERE i > 100").apply(TestRows.row())).isNull();
    assertThat(calc(sql, "SELECT s FROM T WHERE n > 1").apply(TestRows.row())).isNull();
    Row kept = calc(sql, "SELECT s, i * 2 FROM T WHERE i > 10").apply(TestRows.row());
    assertThat(kept.getString(0).toString()).isEqualTo("Hello World");
    assertThat(kept.getInt(1)).isEqualTo(84);
  }

  @Test
  void outputKeepsTheInputRowKind() throws Exception {
    SqlToRex sql = new SqlToRex(TestRows.TYPE);
    GenericRow input = TestRows.row();
    input.setKind(RowKind.UPDATE_BEFORE);
    assertThat(calc(sql, "SELECT i FROM T").apply(input).kind()).isEqualTo(RowKind.UPDATE_BEFORE);
  }

  @Test
  void castErrorIsAReadableUserError() throws Exception {
    SqlToRex sql = new SqlToRex(TestRows.TYPE);
    CalcFunction function = calc(sql, "SELECT CAST(s AS INT) FROM T");
    assertThatThrownBy(() -> function.apply(TestRows.row()))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("Cannot cast 'Hello World' to INT");
  }

  @Test
  void projectionOf500FieldsIsSplitIntoMethodsAndCompiles() throws Exception {
    List<RowType.RowField> fields = new ArrayList<>();
    List<String> select = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      fields.add(FIELD("c" + i, INT()));
      select.add("CASE WHEN c" + i + " > 10 THEN c" + i + " * 2 ELSE COALESCE(c" + i + ", 0) END");
    }
    RowType wide = new RowType(fields);
    SqlToRex sql = new SqlToRex(wide);
    CalcFunction function = calc(sql, "SELECT " + String.join(", ", select) + " FROM T");
    GenericRow input = new GenericRow(500);
    for (int i = 0; i < 500; i++) {
      input.setInt(i, i);
    }
    Row out = function.apply(input);
    assertThat(out.getInt(5)).isEqualTo(5);
    assertThat(out.getInt(499)).isEqualTo(998);
    RexProgram program = sql.program("SELECT " + String.join(", ", select) + " FROM T");
    String code = CalcCodeGenerator.generate(program, wide,
        TypeConversions.toRowType(program.getOutputRowType()), "wide").code();
    assertThat(code.split("private void project\\$", -1).length - 1).isGreaterThan(10);
  }
}
