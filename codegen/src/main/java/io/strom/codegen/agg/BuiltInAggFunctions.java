package io.strom.codegen.agg;

import io.strom.codegen.UnsupportedExpressionException;
import io.strom.codegen.expr.JavaTypes;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** The code templates of Flink's built-in aggregate functions, with their accumulators. */
final class BuiltInAggFunctions {
  private BuiltInAggFunctions() {}

  /** Where a function keeps values beyond its accumulators: a counting map view per function. */
  interface Views {
    /**
     * Declares a view of the values of input field {@code field}; returns the names of the view
     * member and of the member extracting the field as a binary row.
     */
    String[] countingView(int field);

    /**
     * Declares a view of (arrival number BIGINT NOT NULL, value) rows, whose projection member
     * turns such a row into the view's key; returns the names of view and projection.
     */
    String[] orderedView(RelDataType valueType);
  }

  static AggFunctionCode create(
      AggregateCall call,
      List<RelDataType> argTypes,
      AccumulatorLayout layout,
      RelDataTypeFactory types,
      boolean retraction,
      Views views) {
    RelDataType result = call.getType();
    switch (call.getAggregation().getKind()) {
      case COUNT:
        return new Count(layout, types);
      case SUM:
        return retraction ? new RetractableSum(layout, types, result, false) : new Sum(layout, result);
      case SUM0:
        return new RetractableSum(layout, types, result, true);
      case AVG:
        return new Avg(layout, types, argTypes.get(0), result);
      case MIN:
      case MAX:
        boolean min = call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.MIN;
        return retraction
            ? new RetractableMinMax(layout, types, result, min, views.countingView(call.getArgList().get(0)))
            : new MinMax(layout, result, min);
      case FIRST_VALUE:
      case LAST_VALUE:
        boolean first = call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.FIRST_VALUE;
        if (retraction) {
          ArrivalOrderAggFunctions.checkComparable(call.getAggregation().getName(), argTypes.get(0));
          return new ArrivalOrderAggFunctions.FirstLastValue(
              layout, types, result, first, views.orderedView(argTypes.get(0)));
        }
        return new FirstLastValue(layout, result, first);
      case LISTAGG:
        return retraction
            ? new ArrivalOrderAggFunctions.ListAgg(layout, types, result, views.orderedView(argTypes.get(0)))
            : new ListAgg(layout, result);
      case COLLECT:
        return new CollectAggFunction(layout, argTypes.get(0), views.countingView(call.getArgList().get(0)));
      case LITERAL_AGG:
        return new LiteralAgg(layout, call);
      default:
        throw new UnsupportedExpressionException(
            "Aggregate function " + call.getAggregation().getName() + " is not supported yet");
    }
  }

  /** Whether {@code candidate} should replace {@code current} as the minimum (or maximum). */
  private static String better(boolean min, RelDataType type, String candidate, String current) {
    return min
        ? AggFunctionCode.less(type, candidate, current)
        : AggFunctionCode.less(type, current, candidate);
  }

  private static RelDataType bigint(RelDataTypeFactory types) {
    return types.createSqlType(SqlTypeName.BIGINT);
  }

  /** COUNT(*) counts rows; COUNT(a, ...) rows where no argument is NULL. */
  private static final class Count extends AggFunctionCode {
    private final Accumulator count;

    Count(AccumulatorLayout layout, RelDataTypeFactory types) {
      super(layout);
      count = accumulator("count", bigint(types), "0L");
    }

    @Override
    String accumulate(List<AggArgument> args) {
      return ifNoneNull(args, count.name() + "++;\n");
    }

    @Override
    String retract(List<AggArgument> args) {
      return ifNoneNull(args, count.name() + "--;\n");
    }

    @Override
    String merge() {
      return count.name() + " += " + partialValue(count) + ";\n";
    }

    @Override
    String value(String value, String isNull) {
      return value + " = " + count.name() + ";\n" + isNull + " = false;\n";
    }
  }

  /** SUM over an input that never retracts: NULL until a non-NULL value arrives. */
  private static final class Sum extends AggFunctionCode {
    private final Accumulator sum;

    Sum(AccumulatorLayout layout, RelDataType result) {
      super(layout);
      sum = accumulator("sum", result, null);
    }

    @Override
    String accumulate(List<AggArgument> args) {
      AggArgument v = args.get(0);
      return ifNoneNull(args, addTo(sum, v));
    }

    @Override
    String retract(List<AggArgument> args) {
      throw new IllegalStateException("Bug: SUM without retraction asked to retract");
    }

    @Override
    boolean retractable() {
      return false;
    }

    @Override
    String merge() {
      return mergeSum(sum);
    }

    @Override
    String value(String value, String isNull) {
      return valueOf(sum, value, isNull);
    }
  }

  /**
   * SUM that can take values back: it counts the non-NULL values, and is NULL when none is left
   * (SUM0, Calcite's SUM that starts at zero, is zero then).
   */
  private static final class RetractableSum extends AggFunctionCode {
    private final Accumulator sum;
    private final Accumulator count;
    private final boolean zeroWhenEmpty;

    RetractableSum(
        AccumulatorLayout layout, RelDataTypeFactory types, RelDataType result, boolean zeroWhenEmpty) {
      super(layout);
      sum = accumulator("sum", result, null);
      count = accumulator("count", bigint(types), "0L");
      this.zeroWhenEmpty = zeroWhenEmpty;
    }

    @Override
    String accumulate(List<AggArgument> args) {
      AggArgument v = args.get(0);
      return ifNoneNull(args, addTo(sum, v) + count.name() + "++;\n");
    }

    @Override
    String retract(List<AggArgument> args) {
      AggArgument v = args.get(0);
      return ifNoneNull(args, "if (" + sum.isNull() + ") {\n"
          + set(sum, minus(sum.type(), zero(sum.type()), v.value())) + "} else {\n"
          + set(sum, minus(sum.type(), sum.name(), v.value())) + "}\n" + count.name() + "--;\n");
    }

    @Override
    String merge() {
      return mergeSum(sum) + count.name() + " += " + partialValue(count) + ";\n";
    }

    @Override
    String value(String value, String isNull) {
      String empty = count.name() + " == 0";
      if (zeroWhenEmpty) {
        return value + " = " + empty + " ? " + zero(sum.type()) + " : " + sum.name() + ";\n"
            + isNull + " = false;\n";
      }
      return isNull + " = " + empty + " || " + sum.isNull() + ";\n"
          + value + " = " + sum.name() + ";\n";
    }
  }

  /** Zero in the Java type of a numeric SQL type. */
  static String zero(RelDataType type) {
    if (JavaTypes.of(type).equals(JavaTypes.DECIMAL)) {
      return "io.strom.data.DecimalData.fromUnscaledLong(0L, " + type.getPrecision() + ", "
          + type.getScale() + ")";
    }
    return "(" + JavaTypes.of(type) + ") 0";
  }

  /**
   * AVG as Flink computes it: a sum (BIGINT for integers, DOUBLE for FLOAT and DOUBLE, DECIMAL(38,
   * s) for decimals) and a count; the result is their quotient in the result type, NULL for none.
   */
  private static final class Avg extends AggFunctionCode {
    private final Accumulator sum;
    private final Accumulator count;
    private final RelDataType result;

    Avg(AccumulatorLayout layout, RelDataTypeFactory types, RelDataType arg, RelDataType result) {
      super(layout);
      this.result = result;
      RelDataType sumType = AvgSumType.of(types, arg);
      sum = accumulator("sum", sumType, zero(sumType));
      count = accumulator("count", bigint(types), "0L");
    }

    @Override
    String accumulate(List<AggArgument> args) {
      AggArgument v = args.get(0);
      return ifNoneNull(args, set(sum, plus(sum.type(), sum.name(), widened(v))) + count.name() + "++;\n");
    }

    @Override
    String retract(List<AggArgument> args) {
      AggArgument v = args.get(0);
      return ifNoneNull(args, set(sum, minus(sum.type(), sum.name(), widened(v))) + count.name() + "--;\n");
    }

    /** The argument in the sum's Java type. */
    private String widened(AggArgument v) {
      String java = JavaTypes.of(sum.type());
      return java.equals(JavaTypes.DECIMAL) ? v.value() : "((" + java + ") " + v.value() + ")";
    }

    @Override
    String merge() {
      return set(sum, plus(sum.type(), sum.name(), partialValue(sum)))
          + count.name() + " += " + partialValue(count) + ";\n";
    }

    @Override
    String value(String value, String isNull) {
      String java = JavaTypes.of(result);
      String quotient = java.equals(JavaTypes.DECIMAL)
          ? "io.strom.runtime.functions.DecimalFunctions.divide(" + sum.name()
              + ", io.strom.runtime.functions.DecimalFunctions.fromLong(" + count.name() + "), "
              + result.getPrecision() + ", " + result.getScale() + ")"
          : "(" + java + ") (" + sum.name() + " / " + count.name() + ")";
      return isNull + " = " + count.name() + " == 0;\n"
          + "if (!" + isNull + ") {\n" + value + " = " + quotient + ";\n}\n";
    }
  }

  /** MIN or MAX over an input that never retracts: the extreme value so far, kept alone. */
  private static final class MinMax extends AggFunctionCode {
    private final Accumulator extreme;
    private final boolean min;

    MinMax(AccumulatorLayout layout, RelDataType result, boolean min) {
      super(layout);
      this.min = min;
      extreme = accumulator(min ? "min" : "max", result, null);
    }

    @Override
    String accumulate(List<AggArgument> args) {
      AggArgument v = args.get(0);
      return ifNoneNull(args, "if (" + extreme.isNull() + " || "
          + better(min, v.type(), v.value(), extreme.name()) + ") {\n"
          + set(extreme, v.value()) + "}\n");
    }

    @Override
    String retract(List<AggArgument> args) {
      throw new IllegalStateException("Bug: MIN/MAX without retraction asked to retract");
    }

    @Override
    boolean retractable() {
      return false;
    }

    @Override
    String merge() {
      String value = partialValue(extreme);
      return "if (!" + partialIsNull(extreme) + ") {\n"
          + JavaTypes.of(extreme.type()) + " candidate = " + value + ";\n"
          + "if (" + extreme.isNull() + " || " + better(min, extreme.type(), "candidate", extreme.name())
          + ") {\n" + set(extreme, "candidate") + "}\n}\n";
    }

    @Override
    String value(String value, String isNull) {
      return valueOf(extreme, value, isNull);
    }
  }

  /**
   * MIN or MAX that can take values back: besides the extreme, every value with how often it is
   * held, so retracting the extreme finds the next one.
   */
  private static final class RetractableMinMax extends AggFunctionCode {
    private final Accumulator extreme;
    private final boolean min;
    private final String view;
    private final String project;

    RetractableMinMax(
        AccumulatorLayout layout, RelDataTypeFactory types, RelDataType result, boolean min, String[] view) {
      super(layout);
      this.min = min;
      extreme = accumulator(min ? "min" : "max", result, null);
      this.view = view[0];
      this.project = view[1];
    }

    private String better(RelDataType type, String candidate, String current) {
      return BuiltInAggFunctions.better(min, type, candidate, current);
    }

    @Override
    String accumulate(List<AggArgument> args) {
      AggArgument v = args.get(0);
      return ifNoneNull(args,
          "io.strom.data.BinaryRow key = " + project + ".apply(in).copy();\n"
              + "Long held = (Long) " + view + ".get(key);\n"
              + view + ".put(key, Long.valueOf(held == null ? 1L : held.longValue() + 1L));\n"
              + "if (" + extreme.isNull() + " || " + better(v.type(), v.value(), extreme.name()) + ") {\n"
              + set(extreme, v.value()) + "}\n");
    }

    @Override
    String retract(List<AggArgument> args) {
      AggArgument v = args.get(0);
      String type = JavaTypes.of(extreme.type());
      return ifNoneNull(args,
          "io.strom.data.BinaryRow key = " + project + ".apply(in).copy();\n"
              + "Long held = (Long) " + view + ".get(key);\n"
              + "if (held != null) {\n"
              + "if (held.longValue() > 1L) {\n"
              + view + ".put(key, Long.valueOf(held.longValue() - 1L));\n"
              + "} else {\n"
              + view + ".remove(key);\n"
              // Only taking the last copy of the extreme away changes the result.
              + "if (!" + extreme.isNull() + " && !" + better(v.type(), v.value(), extreme.name())
              + " && !" + better(v.type(), extreme.name(), v.value()) + ") {\n"
              + extreme.isNull() + " = true;\n"
              + "java.util.Iterator it = " + view + ".entries().iterator();\n"
              + "while (it.hasNext()) {\n"
              + "io.strom.data.BinaryRow k = (io.strom.data.BinaryRow) ((java.util.Map.Entry) it.next()).getKey();\n"
              + type + " candidate = " + JavaTypes.read("k", "0", extreme.type()) + ";\n"
              + "if (" + extreme.isNull() + " || " + better(extreme.type(), "candidate", extreme.name()) + ") {\n"
              + set(extreme, "candidate") + "}\n"
              + "}\n"
              + "}\n"
              + "}\n"
              + "}\n");
    }

    @Override
    String value(String value, String isNull) {
      return valueOf(extreme, value, isNull);
    }
  }

  /** FIRST_VALUE / LAST_VALUE: the first or the latest non-NULL value, over an append-only input. */
  private static final class FirstLastValue extends AggFunctionCode {
    private final Accumulator held;
    private final boolean first;

    FirstLastValue(AccumulatorLayout layout, RelDataType result, boolean first) {
      super(layout);
      this.first = first;
      held = accumulator(first ? "first_value" : "last_value", result, null);
    }

    @Override
    String accumulate(List<AggArgument> args) {
      AggArgument v = args.get(0);
      String body = set(held, v.value());
      return ifNoneNull(args, first ? "if (" + held.isNull() + ") {\n" + body + "}\n" : body);
    }

    @Override
    String retract(List<AggArgument> args) {
      throw new IllegalStateException("Bug: FIRST_VALUE/LAST_VALUE asked to retract");
    }

    @Override
    boolean retractable() {
      return false;
    }

    @Override
    String value(String value, String isNull) {
      return valueOf(held, value, isNull);
    }
  }

  /** Calcite's LITERAL_AGG: a constant for every group (its rewrites of NOT IN use TRUE). */
  private static final class LiteralAgg extends AggFunctionCode {
    private final String literal;

    LiteralAgg(AccumulatorLayout layout, AggregateCall call) {
      super(layout);
      org.apache.calcite.rex.RexNode rex = call.rexList.isEmpty() ? null : call.rexList.get(0);
      if (!(rex instanceof org.apache.calcite.rex.RexLiteral value)
          || value.getType().getSqlTypeName() != SqlTypeName.BOOLEAN) {
        throw new UnsupportedExpressionException("Aggregate function LITERAL_AGG of " + rex
            + " is not supported yet");
      }
      literal = value.isNull() ? null : String.valueOf(value.getValueAs(Boolean.class));
    }

    @Override
    String accumulate(List<AggArgument> args) {
      return "";
    }

    @Override
    String retract(List<AggArgument> args) {
      return "";
    }

    @Override
    String merge() {
      return "";
    }

    @Override
    String value(String value, String isNull) {
      return literal == null
          ? isNull + " = true;\n"
          : value + " = " + literal + ";\n" + isNull + " = false;\n";
    }
  }

  /** LISTAGG(value [, separator]): the non-NULL values joined by the separator (',' by default). */
  private static final class ListAgg extends AggFunctionCode {
    private final Accumulator joined;

    ListAgg(AccumulatorLayout layout, RelDataType result) {
      super(layout);
      joined = accumulator("listagg", result, null);
    }

    @Override
    String accumulate(List<AggArgument> args) {
      AggArgument v = args.get(0);
      String separator = args.size() > 1
          ? "(" + args.get(1).isNull() + " ? \",\" : " + args.get(1).value() + ".toString())"
          : "\",\"";
      return "if (!" + v.isNull() + ") {\n"
          + "if (" + joined.isNull() + ") {\n" + set(joined, v.value()) + "} else {\n"
          + set(joined, "io.strom.data.StringData.fromString(" + joined.name() + ".toString() + "
              + separator + " + " + v.value() + ".toString())")
          + "}\n}\n";
    }

    @Override
    String retract(List<AggArgument> args) {
      throw new IllegalStateException("Bug: LISTAGG asked to retract");
    }

    @Override
    boolean retractable() {
      return false;
    }

    @Override
    String value(String value, String isNull) {
      return valueOf(joined, value, isNull);
    }
  }
}
