package io.strom.codegen.expr;

import io.strom.codegen.UnsupportedExpressionException;
import io.strom.codegen.functions.ScalarFunctionSqlFunction;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeUtil;

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
    String v = op.valueTerm();
    RelDataType t = op.type();
    if (param == String.class) {
      return v + ".toString()";
    } else if (param == BigDecimal.class) {
      return SqlTypeUtil.isDecimal(t) ? v + ".toBigDecimal()"
          : "java.math.BigDecimal.valueOf((long) " + v + ")";
    } else if (param == LocalDate.class) {
      return "java.time.LocalDate.ofEpochDay(" + v + ")";
    } else if (param == LocalTime.class) {
      return "java.time.LocalTime.ofNanoOfDay(" + v + " * 1000000L)";
    } else if (param == LocalDateTime.class) {
      return v + ".toLocalDateTime()";
    } else if (param == Instant.class) {
      return v + ".toInstant()";
    } else if (param == byte[].class) {
      return v;
    }
    Class<?> primitive = unbox(param);
    if (SqlTypeUtil.isDecimal(t)) {
      String d = "io.strom.runtime.functions.DecimalFunctions.toDouble(" + v + ")";
      return box(param, "((" + primitive.getName() + ") " + d + ")");
    }
    return box(param, "((" + primitive.getName() + ") " + v + ")");
  }

  private static Class<?> unbox(Class<?> c) {
    if (c == Integer.class) return int.class;
    if (c == Long.class) return long.class;
    if (c == Double.class) return double.class;
    if (c == Float.class) return float.class;
    if (c == Short.class) return short.class;
    if (c == Byte.class) return byte.class;
    if (c == Boolean.class) return boolean.class;
    return c;
  }

  private static String box(Class<?> param, String value) {
    return param.isPrimitive() ? value : param.getSimpleName() + ".valueOf(" + value + ")";
  }

  /** Converts non-null Java result {@code r} of class {@code c} to the internal form of {@code type}. */
  private static String toInternal(String r, Class<?> c, RelDataType type) {
    if (c == String.class) {
      return "io.strom.data.StringData.fromString(" + r + ")";
    } else if (c == BigDecimal.class) {
      return "io.strom.data.DecimalData.fromBigDecimal(" + r + ", " + type.getPrecision() + ", "
          + type.getScale() + ")";
    } else if (c == LocalDate.class) {
      return "(int) " + r + ".toEpochDay()";
    } else if (c == LocalTime.class) {
      return "(int) (" + r + ".toNanoOfDay() / 1000000L)";
    } else if (c == LocalDateTime.class) {
      return "io.strom.data.TimestampData.fromLocalDateTime(" + r + ")";
    } else if (c == Instant.class) {
      return "io.strom.data.TimestampData.fromInstant(" + r + ")";
    } else if (c == byte[].class) {
      return r;
    }
    return c.isPrimitive() ? r : r + "." + unbox(c).getName() + "Value()";
  }
}
