package io.strom.codegen.agg;

import io.strom.codegen.UnsupportedExpressionException;
import io.strom.codegen.expr.JavaTypes;
import io.strom.codegen.types.TypeConversions;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * FIRST_VALUE, LAST_VALUE and LISTAGG over an input that retracts rows, as Flink computes them:
 * each key keeps its values in order of arrival, a retraction takes away the earliest copy of the
 * retracted value, and the result is read from what is left (the earliest, the latest, or all of
 * them joined). The values sit in a map view keyed by (arrival number, value); a retraction scans
 * the key's values, so its cost grows with how many a key holds.
 */
final class ArrivalOrderAggFunctions {
  private ArrivalOrderAggFunctions() {}

  /** Refuses values that cannot be compared for equality in generated code. */
  static void checkComparable(String function, RelDataType type) {
    switch (type.getSqlTypeName()) {
      case ARRAY, MAP, MULTISET, ROW, STRUCTURED -> throw new UnsupportedExpressionException(
          "Aggregate function " + function + " over an updating input does not support values of"
              + " type " + type.getSqlTypeName() + " yet, nor over an OVER frame with n PRECEDING"
              + " (both take values back)");
      default -> { }
    }
  }

  /** Java code telling whether {@code a} equals {@code b}, both of the Java type of {@code type}. */
  static String equal(RelDataType type, String a, String b) {
    return switch (JavaTypes.of(type)) {
      case "boolean", "byte", "short", "int", "long", "float", "double" -> "(" + a + " == " + b + ")";
      case "byte[]" -> "java.util.Arrays.equals(" + a + ", " + b + ")";
      default -> a + ".equals(" + b + ")";
    };
  }

  /** Statements adding value {@code v} under the next arrival number {@code next}. */
  private static String add(String view, String project, Accumulator next, AggArgument v) {
    return "long seq = " + next.name() + ";\n"
        + next.name() + " = seq + 1L;\n"
        + "io.strom.data.GenericRow pair = new io.strom.data.GenericRow(2);\n"
        + "pair.setLong(0, seq);\n"
        + JavaTypes.write("pair", 1, TypeConversions.toLogicalType(v.type()), v.value()) + "\n"
        + view + ".put(" + project + ".apply(pair).copy(), Long.valueOf(1L));\n";
  }

  /**
   * Statements removing the earliest copy of {@code v}; they declare {@code removedSeq}, the
   * arrival number taken away, or -1 when the value was not held.
   */
  private static String removeEarliest(String view, AggArgument v) {
    String type = JavaTypes.of(v.type());
    return "io.strom.data.BinaryRow victim = null;\n"
        + "long removedSeq = -1L;\n"
        + "java.util.Iterator it = " + view + ".entries().iterator();\n"
        + "while (it.hasNext()) {\n"
        + "io.strom.data.BinaryRow k = (io.strom.data.BinaryRow) ((java.util.Map.Entry) it.next()).getKey();\n"
        + "long s = k.getLong(0);\n"
        + type + " held = " + JavaTypes.read("k", "1", v.type()) + ";\n"
        + "if ((victim == null || s < removedSeq) && " + equal(v.type(), "held", v.value()) + ") {\n"
        + "victim = k.copy();\nremovedSeq = s;\n}\n"
        + "}\n"
        + "if (victim != null) {\n" + view + ".remove(victim);\n}\n";
  }

  /** FIRST_VALUE or LAST_VALUE that can take values back: the earliest or latest value left. */
  static final class FirstLastValue extends AggFunctionCode {
    private final Accumulator held;
    private final Accumulator heldSeq;
    private final Accumulator next;
    private final boolean first;
    private final String view;
    private final String project;

    FirstLastValue(
        AccumulatorLayout layout, RelDataTypeFactory types, RelDataType result, boolean first,
        String[] view) {
      super(layout);
      this.first = first;
      RelDataType bigint = types.createSqlType(SqlTypeName.BIGINT);
      held = accumulator(first ? "first_value" : "last_value", result, null);
      heldSeq = accumulator("held_seq", bigint, null);
      next = accumulator("next_seq", bigint, "0L");
      this.view = view[0];
      this.project = view[1];
    }

    @Override
    String accumulate(List<AggArgument> args) {
      AggArgument v = args.get(0);
      String take = set(held, v.value()) + set(heldSeq, "seq");
      return ifNoneNull(args, add(view, project, next, v)
          + (first ? "if (" + held.isNull() + ") {\n" + take + "}\n" : take));
    }

    @Override
    String retract(List<AggArgument> args) {
      AggArgument v = args.get(0);
      String type = JavaTypes.of(held.type());
      String better = first ? "s < " + heldSeq.name() : "s > " + heldSeq.name();
      return ifNoneNull(args, removeEarliest(view, v)
          // Only taking away the copy that is the result changes it: find the next one.
          + "if (removedSeq >= 0L && !" + heldSeq.isNull() + " && removedSeq == " + heldSeq.name()
          + ") {\n"
          + held.isNull() + " = true;\n" + heldSeq.isNull() + " = true;\n"
          + "java.util.Iterator rest = " + view + ".entries().iterator();\n"
          + "while (rest.hasNext()) {\n"
          + "io.strom.data.BinaryRow k = (io.strom.data.BinaryRow) ((java.util.Map.Entry) rest.next()).getKey();\n"
          + "long s = k.getLong(0);\n"
          + "if (" + heldSeq.isNull() + " || " + better + ") {\n"
          + type + " candidate = " + JavaTypes.read("k", "1", held.type()) + ";\n"
          + set(held, "candidate") + set(heldSeq, "s") + "}\n"
          + "}\n"
          + "}\n");
    }

    @Override
    String value(String value, String isNull) {
      return valueOf(held, value, isNull);
    }
  }

  /**
   * LISTAGG(value [, separator]) that can take values back: the values left, in order of arrival,
   * joined by the separator of the latest row (',' by default), NULL when none is left.
   */
  static final class ListAgg extends AggFunctionCode {
    private final Accumulator joined;
    private final Accumulator separator;
    private final Accumulator next;
    private final String view;
    private final String project;

    ListAgg(AccumulatorLayout layout, RelDataTypeFactory types, RelDataType result, String[] view) {
      super(layout);
      joined = accumulator("listagg", result, null);
      separator = accumulator("separator", types.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), null);
      next = accumulator("next_seq", types.createSqlType(SqlTypeName.BIGINT), "0L");
      this.view = view[0];
      this.project = view[1];
    }

    @Override
    String accumulate(List<AggArgument> args) {
      AggArgument v = args.get(0);
      String newSeparator = args.size() > 1
          ? "(" + args.get(1).isNull() + " ? \",\" : " + args.get(1).value() + ".toString())"
          : "\",\"";
      return "if (!" + v.isNull() + ") {\n"
          + add(view, project, next, v)
          + "String sep = " + newSeparator + ";\n"
          + "boolean sameSeparator = " + separator.isNull() + " ? sep.equals(\",\") : "
          + separator.name() + ".toString().equals(sep);\n"
          + set(separator, "io.strom.data.StringData.fromString(sep)")
          + "if (" + joined.isNull() + ") {\n" + set(joined, v.value()) + "} else if (sameSeparator) {\n"
          + set(joined, "io.strom.data.StringData.fromString(" + joined.name() + ".toString() + sep + "
              + v.value() + ".toString())")
          + "} else {\n" + rebuild() + "}\n"
          + "}\n";
    }

    @Override
    String retract(List<AggArgument> args) {
      AggArgument v = args.get(0);
      return "if (!" + v.isNull() + ") {\n" + removeEarliest(view, v)
          + "if (removedSeq >= 0L) {\n" + rebuild() + "}\n}\n";
    }

    /** Joins the values left in order of arrival. */
    private String rebuild() {
      return "java.util.TreeMap sorted = new java.util.TreeMap();\n"
          + "java.util.Iterator rest = " + view + ".entries().iterator();\n"
          + "while (rest.hasNext()) {\n"
          + "io.strom.data.BinaryRow k = (io.strom.data.BinaryRow) ((java.util.Map.Entry) rest.next()).getKey();\n"
          + "sorted.put(Long.valueOf(k.getLong(0)), k.getString(1).toString());\n"
          + "}\n"
          + "if (sorted.isEmpty()) {\n" + joined.isNull() + " = true;\n} else {\n"
          + "String glue = " + separator.isNull() + " ? \",\" : " + separator.name() + ".toString();\n"
          + "StringBuilder text = new StringBuilder();\n"
          + "boolean firstValue = true;\n"
          + "java.util.Iterator values = sorted.values().iterator();\n"
          + "while (values.hasNext()) {\n"
          + "if (!firstValue) {\ntext.append(glue);\n}\n"
          + "firstValue = false;\n"
          + "text.append((String) values.next());\n"
          + "}\n"
          + set(joined, "io.strom.data.StringData.fromString(text.toString())")
          + "}\n";
    }

    @Override
    String value(String value, String isNull) {
      return valueOf(joined, value, isNull);
    }
  }
}
