package io.strom.codegen.agg;

import io.strom.codegen.expr.JavaTypes;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * COLLECT(value): the multiset of the non-NULL values, as Flink computes it: each value with how
 * often it is held, kept in a counting map view per key; a retraction lowers the count and a value
 * whose count reaches zero leaves. The result is never NULL (a key without values has the empty
 * multiset) and lists the values in the order the view gives them, as a multiset has no order.
 */
final class CollectAggFunction extends AggFunctionCode {
  private final RelDataType elementType;
  private final String view;
  private final String project;

  CollectAggFunction(AccumulatorLayout layout, RelDataType elementType, String[] view) {
    super(layout);
    this.elementType = elementType;
    this.view = view[0];
    this.project = view[1];
  }

  @Override
  String accumulate(List<AggArgument> args) {
    return ifNoneNull(args,
        "io.strom.data.BinaryRow key = " + project + ".apply(in).copy();\n"
            + "Long held = (Long) " + view + ".get(key);\n"
            + view + ".put(key, Long.valueOf(held == null ? 1L : held.longValue() + 1L));\n");
  }

  @Override
  String retract(List<AggArgument> args) {
    // A value retracted before it arrived is held with a negative count, as Flink does, so the
    // row that adds it later cancels out.
    return ifNoneNull(args,
        "io.strom.data.BinaryRow key = " + project + ".apply(in).copy();\n"
            + "Long held = (Long) " + view + ".get(key);\n"
            + "long count = held == null ? -1L : held.longValue() - 1L;\n"
            + "if (count == 0L) {\n" + view + ".remove(key);\n} else {\n"
            + view + ".put(key, Long.valueOf(count));\n}\n");
  }

  @Override
  String value(String value, String isNull) {
    return "java.util.LinkedHashMap elements = new java.util.LinkedHashMap();\n"
        + "java.util.Iterator it = " + view + ".entries().iterator();\n"
        + "while (it.hasNext()) {\n"
        + "java.util.Map.Entry entry = (java.util.Map.Entry) it.next();\n"
        + "io.strom.data.BinaryRow k = (io.strom.data.BinaryRow) entry.getKey();\n"
        + "elements.put(" + boxed("k") + ", Integer.valueOf(((Long) entry.getValue()).intValue()));\n"
        + "}\n"
        + value + " = new io.strom.data.GenericMap(elements);\n"
        + isNull + " = false;\n";
  }

  /** The element in field 0 of {@code row} as an object of its internal class. */
  private String boxed(String row) {
    String read = JavaTypes.read(row, "0", elementType);
    String java = JavaTypes.of(elementType);
    return switch (java) {
      case "boolean" -> "Boolean.valueOf(" + read + ")";
      case "byte" -> "Byte.valueOf(" + read + ")";
      case "short" -> "Short.valueOf(" + read + ")";
      case "int" -> "Integer.valueOf(" + read + ")";
      case "long" -> "Long.valueOf(" + read + ")";
      case "float" -> "Float.valueOf(" + read + ")";
      case "double" -> "Double.valueOf(" + read + ")";
      default -> read;
    };
  }
}
