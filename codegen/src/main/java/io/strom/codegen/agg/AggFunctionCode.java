package io.strom.codegen.agg;

import io.strom.codegen.expr.JavaTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The generated code of one built-in aggregate function: its accumulators, and the statements that
 * add a row to them, take one away, and compute the result. Statements see the function's
 * arguments through {@link AggArgument}s, already NULL-checked by the caller only where the
 * function says so.
 */
abstract class AggFunctionCode {
  private final AccumulatorLayout layout;
  private final List<Accumulator> accumulators = new ArrayList<>();

  AggFunctionCode(AccumulatorLayout layout) {
    this.layout = layout;
  }

  /**
   * Declares an accumulator; {@code initial} null starts it as SQL NULL; {@code label} names it in
   * plans ({@code count}, {@code sum}).
   */
  protected final Accumulator accumulator(String label, RelDataType type, String initial) {
    Accumulator acc = layout.add(type, initial, label);
    accumulators.add(acc);
    return acc;
  }

  final List<Accumulator> accumulators() {
    return accumulators;
  }

  /** Statements adding the current row (its arguments) to the accumulators. */
  abstract String accumulate(List<AggArgument> args);

  /** Statements taking the current row back out; only called when {@link #retractable()}. */
  abstract String retract(List<AggArgument> args);

  /** Whether the function can take rows back (an updating input needs it). */
  boolean retractable() {
    return true;
  }

  /**
   * Statements computing the result into {@code value} (of the result's Java type) and {@code
   * isNull}, which the caller declares.
   */
  abstract String value(String value, String isNull);

  /**
   * Statements adding the accumulators of another partial aggregation of the same function to
   * this one's; they are read with {@link #partialIsNull} and {@link #partialValue}. Null when the
   * function cannot merge (then no two-phase aggregation uses it).
   */
  String merge() {
    return null;
  }

  /** The generated merge method's parameters: the partial row and where its accumulators start. */
  static final String PARTIAL = "partial";
  static final String OFFSET = "offset";

  /** Whether the partial accumulator matching {@code acc} is NULL. */
  protected static String partialIsNull(Accumulator acc) {
    return PARTIAL + ".isNullAt(" + OFFSET + " + " + acc.position() + ")";
  }

  /** The partial accumulator matching {@code acc}, in its Java type. */
  protected static String partialValue(Accumulator acc) {
    return JavaTypes.read(PARTIAL, OFFSET + " + " + acc.position(), acc.type());
  }

  /** {@code target += partial}, skipping a NULL partial value and taking it as is into NULL. */
  protected static String mergeSum(Accumulator target) {
    return "if (!" + partialIsNull(target) + ") {\n"
        + addTo(target, new AggArgument(partialValue(target), "false", target.type())) + "}\n";
  }

  /** Statements run once a key's accumulators are loaded into their fields. */
  String afterLoad() {
    return "";
  }

  /** Statements run before the accumulator fields are stored back into a row. */
  String beforeStore() {
    return "";
  }

  // ---- helpers for the templates

  /** {@code target = value} for a non-NULL value, clearing the NULL flag. */
  protected static String set(Accumulator target, String value) {
    return target.name() + " = " + value + ";\n" + target.isNull() + " = false;\n";
  }

  /** {@code target += value}, where a NULL {@code target} takes the value as it is. */
  protected static String addTo(Accumulator target, AggArgument value) {
    return "if (" + target.isNull() + ") {\n" + set(target, value.value()) + "} else {\n"
        + set(target, plus(target.type(), target.name(), value.value())) + "}\n";
  }

  /** The result is the accumulator itself, NULL included. */
  protected static String valueOf(Accumulator acc, String value, String isNull) {
    return value + " = " + acc.name() + ";\n" + isNull + " = " + acc.isNull() + ";\n";
  }

  /** Statements that run only when none of {@code args} is NULL. */
  protected static String ifNoneNull(List<AggArgument> args, String body) {
    if (args.isEmpty()) {
      return body;
    }
    StringBuilder condition = new StringBuilder();
    for (AggArgument arg : args) {
      condition.append(condition.length() == 0 ? "" : " && ").append("!").append(arg.isNull());
    }
    return "if (" + condition + ") {\n" + body + "}\n";
  }

  /** {@code a + b} in the Java type of {@code type}. */
  protected static String plus(RelDataType type, String a, String b) {
    return arithmetic(type, a, b, "+", "add");
  }

  /** {@code a - b} in the Java type of {@code type}. */
  protected static String minus(RelDataType type, String a, String b) {
    return arithmetic(type, a, b, "-", "subtract");
  }

  private static String arithmetic(RelDataType type, String a, String b, String op, String method) {
    String java = JavaTypes.of(type);
    switch (java) {
      case "byte":
      case "short":
        // Java widens byte and short arithmetic to int; SQL wraps in the type, as Flink does.
        return "(" + java + ") (" + a + " " + op + " " + b + ")";
      case JavaTypes.DECIMAL:
        return "io.strom.runtime.functions.DecimalFunctions." + method + "(" + a + ", " + b + ", "
            + type.getPrecision() + ", " + type.getScale() + ")";
      default:
        return "(" + a + " " + op + " " + b + ")";
    }
  }

  /** Whether {@code a} sorts before {@code b}, both of Java type of {@code type}. */
  protected static String less(RelDataType type, String a, String b) {
    switch (JavaTypes.of(type)) {
      case "byte":
      case "short":
      case "int":
      case "long":
      case "float":
      case "double":
        return "(" + a + " < " + b + ")";
      case "boolean":
        return "(!" + a + " && " + b + ")";
      case "byte[]":
        return "(java.util.Arrays.compareUnsigned(" + a + ", " + b + ") < 0)";
      default:
        return "(" + a + ".compareTo(" + b + ") < 0)";
    }
  }
}
