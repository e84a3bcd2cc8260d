package io.strom.codegen.testing;

import io.strom.api.functions.FunctionContext;
import io.strom.codegen.CalcCodeGenerator;
import io.strom.codegen.types.TypeConversions;
import io.strom.data.Row;
import io.strom.runtime.generated.CalcFunction;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.types.RowType;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlOperatorTable;

/** Evaluates one SQL expression end to end over the fixed row of {@link TestRows}. */
public final class ExpressionEvaluator {
  private final SqlToRex sqlToRex;

  public ExpressionEvaluator(SqlOperatorTable operatorTable) {
    this.sqlToRex = new SqlToRex(TestRows.TYPE, operatorTable);
  }

  /** The result of evaluating an expression: its printed value and its type. */
  public record Result(String value, String type) {}

  public Result evaluate(String expression) throws Exception {
    RexProgram program = sqlToRex.program("SELECT " + expression + " FROM T");
    RowType outputType = TypeConversions.toRowType(program.getOutputRowType());
    GeneratedClass<CalcFunction> generated =
        CalcCodeGenerator.generate(program, TestRows.TYPE, outputType, "golden");
    CalcFunction function = generated.newInstance(getClass().getClassLoader());
    function.open(FunctionContext.utc());
    Row out = function.apply(TestRows.row());
    function.close();
    return new Result(ResultFormatter.format(out, 0, outputType.typeAt(0)),
        outputType.typeAt(0).asSummaryString());
  }
}
