package io.strom.codegen.expr;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/** =, <>, <, <=, >, >= and IS [NOT] DISTINCT FROM over values of comparable types. */
final class ComparisonGenerators {
  private ComparisonGenerators() {}

  static GeneratedExpr compare(ExprCodeGenerator g, RexCall call) {
    if (TimestampComparisons.applies(call)) {
      return TimestampComparisons.compare(g, call);
    }
    List<GeneratedExpr> ops = g.operands(call);
    String test = test(g, call.getKind(), ops.get(0), ops.get(1));
    return g.strict(call.getType(), ops, test);
  }

  static GeneratedExpr distinct(ExprCodeGenerator g, RexCall call) {
    List<GeneratedExpr> ops = g.operands(call);
    GeneratedExpr a = ops.get(0);
    GeneratedExpr b = ops.get(1);
    String equal = test(g, SqlKind.EQUALS, a, b);
    String notDistinct = "(" + a.nullTerm() + " && " + b.nullTerm() + ") || (!" + a.nullTerm()
        + " && !" + b.nullTerm() + " && " + equal + ")";
    boolean negate = call.getKind() == SqlKind.IS_DISTINCT_FROM;
    String valueTerm = g.context().newName("result");
    String code = a.code() + b.code() + "boolean " + valueTerm + " = "
        + (negate ? "!(" + notDistinct + ")" : "(" + notDistinct + ")") + ";\n";
    return new GeneratedExpr(code, "false", valueTerm, call.getType());
  }

  /** A boolean Java expression comparing the non-null values of {@code a} and {@code b}. */
  static String test(ExprCodeGenerator g, SqlKind kind, GeneratedExpr a, GeneratedExpr b) {
    String op = operator(kind);
    RelDataType ta = a.type();
    RelDataType tb = b.type();
    if (SqlTypeUtil.isNumeric(ta) && SqlTypeUtil.isNumeric(tb)) {
      if (SqlTypeUtil.isDecimal(ta) || SqlTypeUtil.isDecimal(tb)) {
        if (SqlTypeUtil.isApproximateNumeric(ta) || SqlTypeUtil.isApproximateNumeric(tb)) {
          RelDataType dbl = g.typeFactory().createSqlType(SqlTypeName.DOUBLE);
          return g.numeric(a, dbl) + " " + op + " " + g.numeric(b, dbl);
        }
        RelDataType dec = SqlTypeUtil.isDecimal(ta) ? ta : tb;
        return "io.strom.runtime.functions.DecimalFunctions.compare(" + g.numeric(a, dec) + ", "
            + g.numeric(b, dec) + ") " + op + " 0";
      }
      return a.valueTerm() + " " + op + " " + b.valueTerm();
    }
    String java = JavaTypes.of(ta);
    if (JavaTypes.isPrimitive(ta) && !java.equals("boolean")) {
      return a.valueTerm() + " " + op + " " + b.valueTerm();
    }
    if (java.equals("boolean")) {
      return "Boolean.compare(" + a.valueTerm() + ", " + b.valueTerm() + ") " + op + " 0";
    }
    if (java.equals("byte[]")) {
      return "java.util.Arrays.compareUnsigned(" + a.valueTerm() + ", " + b.valueTerm() + ") "
          + op + " 0";
    }
    if (java.equals(JavaTypes.STRING) || java.equals(JavaTypes.TIMESTAMP)
        || java.equals(JavaTypes.DECIMAL)) {
      return a.valueTerm() + ".compareTo(" + b.valueTerm() + ") " + op + " 0";
    }
    if (kind == SqlKind.EQUALS) {
      return a.valueTerm() + ".equals(" + b.valueTerm() + ")";
    }
    if (kind == SqlKind.NOT_EQUALS) {
      return "!" + a.valueTerm() + ".equals(" + b.valueTerm() + ")";
    }
    throw new io.strom.codegen.UnsupportedExpressionException(
        "Ordering values of type " + ta.getFullTypeString() + " is not supported yet");
  }

  private static String operator(SqlKind kind) {
    switch (kind) {
      case EQUALS: return "==";
      case NOT_EQUALS: return "!=";
      case LESS_THAN: return "<";
      case LESS_THAN_OR_EQUAL: return "<=";
      case GREATER_THAN: return ">";
      default: return ">=";
    }
  }
}
