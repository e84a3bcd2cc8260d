package io.strom.codegen.expr;

import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Comparisons of two timestamps on their epoch millis and nanos. A timestamp read from the input
 * row is never built as a {@link io.strom.data.TimestampData} here: a join condition such as
 * {@code b.ts BETWEEN a.ts AND a.expires} runs for every pair of rows, and an object per read
 * was a large share of its allocation. Other operands (functions, literals) are computed as usual
 * and split into their parts. Ordering is the one of {@code TimestampData.compareTo}: millis
 * first, then nanos.
 */
final class TimestampComparisons {
  private TimestampComparisons() {}

  /** True when {@code call} compares two values whose Java type is a timestamp. */
  static boolean applies(RexCall call) {
    List<RexNode> operands = call.getOperands();
    return operands.size() == 2
        && JavaTypes.of(operands.get(0).getType()).equals(JavaTypes.TIMESTAMP)
        && JavaTypes.of(operands.get(1).getType()).equals(JavaTypes.TIMESTAMP);
  }

  static GeneratedExpr compare(ExprCodeGenerator g, RexCall call) {
    Parts a = parts(g, call.getOperands().get(0));
    Parts b = parts(g, call.getOperands().get(1));
    String order = "(" + a.millis() + " == " + b.millis() + " ? Integer.compare(" + a.nanos()
        + ", " + b.nanos() + ") : Long.compare(" + a.millis() + ", " + b.millis() + "))";
    return g.strict(call.getType(), List.of(a.read(), b.read()),
        order + " " + operator(call.getKind()) + " 0");
  }

  /**
   * A timestamp operand as its parts; {@code read} computes them (its value term is the millis).
   */
  private record Parts(GeneratedExpr read, String millis, String nanos) {}

  private static Parts parts(ExprCodeGenerator g, RexNode operand) {
    CodeGenContext context = g.context();
    String nullTerm = context.newName("isNull");
    String millis = context.newName("millis");
    String nanos = context.newName("nanos");
    String code;
    if (operand instanceof RexInputRef ref) {
      int precision = operand.getType().getPrecision();
      String input = g.inputTerm();
      int pos = ref.getIndex();
      code = "boolean " + nullTerm + " = " + input + ".isNullAt(" + pos + ");\n"
          + "long " + millis + " = " + nullTerm + " ? 0L : " + input + ".getTimestampMillis("
          + pos + ", " + precision + ");\n"
          + "int " + nanos + " = " + nullTerm + " ? 0 : " + input + ".getTimestampNanos("
          + pos + ", " + precision + ");\n";
    } else {
      GeneratedExpr value = g.generate(operand);
      code = value.code()
          + "boolean " + nullTerm + " = " + value.nullTerm() + ";\n"
          + "long " + millis + " = " + nullTerm + " ? 0L : " + value.valueTerm()
          + ".millisecond();\n"
          + "int " + nanos + " = " + nullTerm + " ? 0 : " + value.valueTerm()
          + ".nanoOfMillisecond();\n";
    }
    return new Parts(new GeneratedExpr(code, nullTerm, millis, operand.getType()), millis, nanos);
  }

  private static String operator(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> "==";
      case NOT_EQUALS -> "!=";
      case LESS_THAN -> "<";
      case LESS_THAN_OR_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      case GREATER_THAN_OR_EQUAL -> ">=";
      default -> throw new IllegalStateException("Bug: not a comparison: " + kind);
    };
  }
}
