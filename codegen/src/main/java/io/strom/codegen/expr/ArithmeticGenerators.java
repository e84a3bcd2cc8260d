package io.strom.codegen.expr;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Arithmetic (+ - * / %, unary minus) on numbers, intervals and date-times, and Flink's numeric
 * functions. Integer overflow wraps like Java (as in Flink); decimal results that overflow their
 * type are NULL; integer division by zero is an error.
 */
final class ArithmeticGenerators {
  private static final String DECIMALS = "io.strom.runtime.functions.DecimalFunctions.";
  private static final String MATH = "io.strom.runtime.functions.MathFunctions.";

  private ArithmeticGenerators() {}

  static GeneratedExpr binary(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = g.operands(call);
    GeneratedExpr a = ops.get(0);
    GeneratedExpr b = ops.get(1);
    if (SqlTypeUtil.isDatetime(a.type()) || SqlTypeUtil.isDatetime(b.type())) {
      return TemporalGenerators.arithmetic(g, call, ops);
    }
    RelDataType type = call.getType();
    SqlKind kind = call.getKind();
    if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
      String fn = kind == SqlKind.PLUS ? "add" : kind == SqlKind.MINUS ? "subtract"
          : kind == SqlKind.TIMES ? "multiply" : kind == SqlKind.MOD ? "mod" : "divide";
      return g.strictNullable(type, ops, DECIMALS + fn + "(" + g.numeric(a, type) + ", "
          + g.numeric(b, type) + ", " + type.getPrecision() + ", " + type.getScale() + ")");
    }
    String x = g.numeric(a, operandType(g, a, type));
    String y = g.numeric(b, operandType(g, b, type));
    boolean integral = SqlTypeUtil.isExactNumeric(type) || JavaTypes.isYearMonthInterval(type)
        || JavaTypes.isDayTimeInterval(type);
    String expr;
    switch (kind) {
      case PLUS: expr = x + " + " + y; break;
      case MINUS: expr = x + " - " + y; break;
      case TIMES: expr = x + " * " + y; break;
      case MOD:
        expr = integral && !SqlTypeUtil.isApproximateNumeric(b.type())
            ? x + " % " + MATH + "divisor(" + y + ")" : x + " % " + y;
        break;
      default:
        expr = integral && !SqlTypeUtil.isApproximateNumeric(b.type())
            ? x + " / " + MATH + "divisor(" + y + ")" : x + " / " + y;
    }
    return g.strict(type, ops, ExprCodeGenerator.castJava(expr, type));
  }

  /**
   * The Java type arithmetic runs in: the result's for floating point, otherwise long (a double
   * for a floating-point operand of interval arithmetic); integer results then wrap like Java.
   */
  private static RelDataType operandType(ExprCodeGenerator g, GeneratedExpr e, RelDataType result) {
    if (SqlTypeUtil.isApproximateNumeric(result)) {
      return result;
    }
    return g.typeFactory().createSqlType(
        SqlTypeUtil.isApproximateNumeric(e.type()) ? SqlTypeName.DOUBLE : SqlTypeName.BIGINT);
  }

  static GeneratedExpr negate(ExprCodeGenerator g, RexCall call) {
    GeneratedExpr a = g.generate(call.getOperands().get(0));
    RelDataType type = call.getType();
    if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return g.strictNullable(type, List.of(a), DECIMALS + "negate(" + a.valueTerm() + ")");
    }
    return g.strict(type, List.of(a), ExprCodeGenerator.castJava("-" + a.valueTerm(), type));
  }

  /** Calcite's Reinterpret: the same value seen as another type of the same representation. */
  static GeneratedExpr reinterpret(ExprCodeGenerator g, RexCall call) {
    GeneratedExpr a = g.generate(call.getOperands().get(0));
    return g.strict(call.getType(), List.of(a),
        ExprCodeGenerator.castJava(a.valueTerm(), call.getType()));
  }

  private static RelDataType dbl(ExprCodeGenerator g) {
    return g.typeFactory().createSqlType(SqlTypeName.DOUBLE);
  }

  /** A function of doubles returning a double, e.g. {@code Math.sqrt}. */
  static GeneratedExpr doubleFunction(ExprCodeGenerator g, RexCall call, String function) {
    List<GeneratedExpr> ops = g.operands(call);
    StringBuilder args = new StringBuilder();
    for (GeneratedExpr op : ops) {
      args.append(args.length() == 0 ? "" : ", ").append(g.numeric(op, dbl(g)));
    }
    return g.strict(call.getType(), ops,
        ExprCodeGenerator.castJava(function + "(" + args + ")", call.getType()));
  }

  static GeneratedExpr abs(ExprCodeGenerator g, RexCall call) {
    GeneratedExpr a = g.generate(call.getOperands().get(0));
    RelDataType type = call.getType();
    if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return g.strict(type, List.of(a), DECIMALS + "abs(" + a.valueTerm() + ")");
    }
    return g.strict(type, List.of(a),
        ExprCodeGenerator.castJava("Math.abs(" + a.valueTerm() + ")", type));
  }

  static GeneratedExpr sign(ExprCodeGenerator g, RexCall call) {
    GeneratedExpr a = g.generate(call.getOperands().get(0));
    RelDataType type = call.getType();
    String v = a.valueTerm();
    String expr;
    if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
      expr = DECIMALS + "sign(" + v + ")";
    } else if (SqlTypeUtil.isApproximateNumeric(type)) {
      expr = ExprCodeGenerator.castJava("Math.signum(" + v + ")", type);
    } else {
      expr = ExprCodeGenerator.castJava("Long.signum((long) " + v + ")", type);
    }
    return g.strict(type, List.of(a), expr);
  }

  /** ROUND and TRUNCATE: {@code function} is "round" or "truncate". */
  static GeneratedExpr round(ExprCodeGenerator g, RexCall call, String function) {
    List<GeneratedExpr> ops = g.operands(call);
    GeneratedExpr a = ops.get(0);
    String digits = ops.size() > 1 ? "(long) " + ops.get(1).valueTerm() : "0L";
    RelDataType type = call.getType();
    String v = a.valueTerm();
    if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return g.strictNullable(type, ops, DECIMALS + function + "(" + g.numeric(a, type) + ", "
          + digits + ", " + type.getPrecision() + ", " + type.getScale() + ")");
    }
    String arg = SqlTypeUtil.isApproximateNumeric(type) ? "(double) " + v : "(long) " + v;
    return g.strict(type, ops,
        ExprCodeGenerator.castJava(MATH + function + "(" + arg + ", " + digits + ")", type));
  }

  /** FLOOR or CEIL of a number. */
  static GeneratedExpr floorCeil(ExprCodeGenerator g, RexCall call, boolean floor) {
    GeneratedExpr a = g.generate(call.getOperands().get(0));
    RelDataType type = call.getType();
    String v = a.valueTerm();
    if (type.getSqlTypeName() == SqlTypeName.DECIMAL) {
      return g.strictNullable(type, List.of(a), DECIMALS + (floor ? "floor(" : "ceil(")
          + g.numeric(a, type) + ", " + type.getPrecision() + ", " + type.getScale() + ")");
    }
    if (SqlTypeUtil.isApproximateNumeric(type)) {
      return g.strict(type, List.of(a), ExprCodeGenerator.castJava(
          (floor ? "Math.floor(" : "Math.ceil(") + v + ")", type));
    }
    return g.strict(type, List.of(a), ExprCodeGenerator.castJava(v, type));
  }

  /** RAND([seed]) and RAND_INTEGER([seed, ] bound), with one generator per function instance. */
  static GeneratedExpr random(ExprCodeGenerator g, RexCall call, boolean integer) {
    int count = call.getOperands().size();
    boolean seeded = integer ? count == 2 : count == 1;
    String seed = "";
    if (seeded) {
      if (!(call.getOperands().get(0) instanceof RexLiteral literal)) {
        throw new io.strom.codegen.UnsupportedExpressionException(
            call.getOperator().getName() + " needs a literal seed");
      }
      seed = String.valueOf(literal.getValueAs(Long.class)) + "L";
    }
    String random = g.context().addMember("java.util.Random", "random",
        "new java.util.Random(" + seed + ")");
    if (!integer) {
      return g.strict(call.getType(), List.of(), random + ".nextDouble()");
    }
    GeneratedExpr bound = g.generate(call.getOperands().get(count - 1));
    return g.strict(call.getType(), List.of(bound),
        MATH + "randInteger(" + random + ", (long) " + bound.valueTerm() + ")");
  }
}
