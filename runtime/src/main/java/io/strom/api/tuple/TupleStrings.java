package io.strom.api.tuple;

import java.util.Arrays;

/** The printed form of tuple fields: arrays by content, as Flink prints them. */
final class TupleStrings {
  private TupleStrings() {}

  static String format(Object value) {
    if (value instanceof Object[] array) {
      return Arrays.deepToString(array);
    }
    if (value != null && value.getClass().isArray()) {
      return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "");
    }
    return String.valueOf(value);
  }
}
