package io.strom.codegen.agg;

import org.apache.calcite.rel.type.RelDataType;

/**
 * One accumulator field of a generated aggregation: a Java field {@code name} with a NULL flag
 * {@code name + "Null"}, stored in the key's accumulator row at {@code position}.
 *
 * @param initial the value of a key that has seen no rows; null for SQL NULL
 * @param label what it holds, as plans name it ({@code count}, {@code sum}, {@code max})
 */
record Accumulator(String name, RelDataType type, String initial, int position, String label) {

  String isNull() {
    return name + "Null";
  }
}
