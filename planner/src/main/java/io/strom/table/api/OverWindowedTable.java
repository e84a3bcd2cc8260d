package io.strom.table.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A table with OVER windows, for aggregates over each row's window in {@link #select}. */
public final class OverWindowedTable {
  private final Table table;
  private final List<OverWindow> windows;

  OverWindowedTable(Table table, List<OverWindow> windows) {
    this.table = table;
    this.windows = windows;
  }

  /** Columns and aggregates over the windows: {@code $("amount").sum().over($("w"))}. */
  public Table select(Expression... fields) {
    Map<String, String> specs = new LinkedHashMap<>();
    for (OverWindow window : windows) {
      specs.put(window.alias(), window.specification());
    }
    return table.environment().query(
        "SELECT " + table.selectList(fields, new SqlScope(null, specs)) + " FROM " + table.from());
  }
}
