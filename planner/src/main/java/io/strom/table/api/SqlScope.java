package io.strom.table.api;

import io.strom.planner.ValidationException;
import java.util.Map;

/**
 * What names mean where an expression is written: the group window of the query ({@code
 * $("w").start()}) and its OVER windows ({@code .over($("w"))}).
 *
 * @param windowAlias the name of the query's group window, or null
 * @param overWindows the query's OVER windows by name, as SQL window specifications
 */
record SqlScope(String windowAlias, Map<String, String> overWindows) {
  static final SqlScope NONE = new SqlScope(null, Map.of());

  String overWindow(String alias) {
    String spec = overWindows.get(alias);
    if (spec == null) {
      throw new ValidationException(
          "'" + alias + "' is not an OVER window of this query; define it with window(Over...as(\""
              + alias + "\"))" + (overWindows.isEmpty() ? "" : "; defined: " + overWindows.keySet()));
    }
    return spec;
  }
}
