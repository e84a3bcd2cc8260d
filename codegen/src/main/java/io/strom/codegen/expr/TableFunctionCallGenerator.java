package io.strom.codegen.expr;

import io.strom.codegen.UnsupportedExpressionException;
import io.strom.codegen.functions.TableFunctionSqlFunction;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/**
 * Calls a user-defined table function: evaluates the arguments, converts them to the chosen {@code
 * eval}'s Java parameters and calls it; the function emits through the collector it was given.
 * When an argument for a primitive parameter is NULL the function is not called (no rows), as a
 * scalar function returns NULL then.
 */
public final class TableFunctionCallGenerator {
  private TableFunctionCallGenerator() {}

  /**
   * Statements that call {@code instance} (a member holding the function) for {@code call},
   * whose operands are over the generator's input row.
   */
  public static String generate(
      ExprCodeGenerator g, RexCall call, TableFunctionSqlFunction udf, String instance) {
    List<RelDataType> types = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      types.add(operand.getType());
    }
    Method eval = udf.resolve(types);
    if (eval == null) {
      throw new UnsupportedExpressionException(
          "No eval method of function '" + udf.getName() + "' accepts " + types);
    }
    List<GeneratedExpr> ops = g.operands(call);
    StringBuilder code = new StringBuilder();
    List<String> args = new ArrayList<>();
    List<String> skipWhenNull = new ArrayList<>();
    Class<?>[] params = eval.getParameterTypes();
    for (int i = 0; i < ops.size(); i++) {
      GeneratedExpr op = ops.get(i);
      code.append(op.code());
      String external = UdfGenerator.toExternal(g, op, params[i]);
      if (params[i].isPrimitive()) {
        if (!op.neverNull()) {
          skipWhenNull.add(op.nullTerm());
        }
        args.add(external);
      } else {
        args.add("(" + op.nullTerm() + " ? null : " + external + ")");
      }
    }
    String invoke = instance + ".eval(" + String.join(", ", args) + ");\n";
    if (skipWhenNull.isEmpty()) {
      return code + invoke;
    }
    return code + "if (!(" + String.join(" || ", skipWhenNull) + ")) {\n" + invoke + "}\n";
  }
}
