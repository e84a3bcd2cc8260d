package io.strom.planner.catalog;

import io.strom.types.LogicalType;

/** Argument checks shared by the column records. */
final class Columns {
  private Columns() {}

  static void check(String name, LogicalType type) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("A column needs a name");
    }
    if (type == null) {
      throw new IllegalArgumentException("Column '" + name + "' needs a type");
    }
  }
}
