package io.strom.table.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table grouped by a window and keys: {@link #select} gives one final row per window and key
 * when the watermark passes the window's end, as SQL's window aggregation does.
 */
public final class WindowGroupedTable {
  private final Table table;
  private final GroupWindow window;
  private final List<Expression> keys;

  WindowGroupedTable(Table table, GroupWindow window, List<Expression> keys) {
    this.table = table;
    this.window = window;
    this.keys = keys;
  }

  /**
   * Keys, aggregates and window properties: {@code select($("user"), $("w").start(),
   * $("amount").sum())}.
   */
  public Table select(Expression... fields) {
    TableEnvironment env = table.environment();
    String keyList = keys.stream().map(k -> k.toSql(SqlScope.NONE)).collect(Collectors.joining(", "));
    SqlScope scope = new SqlScope(window.alias(), java.util.Map.of());
    String selectList = table.selectList(fields, scope);
    // SQL selects a window's time attribute only when it groups by it too.
    String windowColumns = selectList.contains("`window_time`")
        ? "`window_start`, `window_end`, `window_time`"
        : "`window_start`, `window_end`";
    return env.query(
        "SELECT " + selectList
            + " FROM " + window.tableFunction(env.registerUnnamed(table), keyList)
            + " GROUP BY " + windowColumns + (keyList.isEmpty() ? "" : ", " + keyList));
  }
}
