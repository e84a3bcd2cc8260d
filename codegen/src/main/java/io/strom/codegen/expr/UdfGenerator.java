package io.strom.codegen.expr;

import io.strom.codegen.UnsupportedExpressionException;
import io.strom.codegen.functions.ScalarFunctionSqlFunction;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

/**
 * Calls a user-defined scalar function: converts arguments from internal to Java values, calls the
 * chosen {@code eval} on the instance (opened and closed with the generated function), and
 * converts the result back.
 */
final class UdfGenerator {
  private UdfGenerator() {}

  static GeneratedExpr generate(ExprCodeGenerator g, RexCall call, ScalarFunctionSqlFunction udf) {
    List<RelDataType> types = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      types.add(operand.getType());
    }
    Method eval = udf.resolve(types);
    if (eval == null) {
      throw new UnsupportedExpressionException(
          "No eval method of function '" + udf.getName() + "' accepts " + types);
    }
    CodeGenContext c = g.context();
    String className = udf.function().getClass().getCanonicalName();
    String instance = c.addReference(udf.function(), className);
    c.addOpen(instance + ".open(context);");
    c.addClose(instance + ".close();");
    List<GeneratedExpr> ops = g.operands(call);
    List<GeneratedExpr> strictOps = new ArrayList<>();
    List<String> args = new ArrayList<>();
    Class<?>[] params = eval.getParameterTypes();
    for (int i = 0; i < ops.size(); i++) {
      GeneratedExpr op = ops.get(i);
      String external = toExternal(g, op, params[i]);
      if (params[i].isPrimitive()) {
        strictOps.add(op);
        args.add(external);
      } else {
        strictOps.add(new GeneratedExpr(op.code(), "false", op.valueTerm(), op.type()));
        args.add("(" + op.nullTerm() + " ? null : " + external + ")");
      }
    }
    String result = c.newName("external");
    String callExpr = instance + ".eval(" + String.join(", ", args) + ")";
    Class<?> ret = eval.getReturnType();
    String javaRet = ret.getCanonicalName();
    String internal = toInternal(result, ret, call.getType());
    if (ret.isPrimitive()) {
      return g.strict(call.getType(), strictOps,
          ExprCodeGenerator.castJava(callExpr, call.getType()));
    }
    String helper = c.newName("convert");
    c.members().add("private static " + JavaTypes.boxed(call.getType()) + " " + helper + "("
        + javaRet + " " + result + ") {\nreturn " + result + " == null ? null : "
        + (JavaTypes.isPrimitive(call.getType())
            ? JavaTypes.boxed(call.getType()) + ".valueOf(" + ExprCodeGenerator.castJava(
                internal, call.getType()) + ")"
            : internal) + ";\n}");
    return g.strictNullable(call.getType(), strictOps, helper + "(" + callExpr + ")");
  }

  /** Converts the non-null value of {@code op} to Java parameter class {@code param}. */
  static String toExternal(ExprCodeGenerator g, GeneratedExpr op, Class<?> param) {
    return JavaValues.toExternal(op.valueTerm(), op.type(), param);
  }

  private static String toInternal(String r, Class<?> c, RelDataType type) {
    return JavaValues.toInternal(r, c, type);
  }
}
