package io.strom.table.api;

import java.util.List;
import java.util.stream.Collectors;

/** A table grouped by keys: {@link #select} gives one row per group, updated as rows come. */
public final class GroupedTable {
  private final Table table;
  private final List<Expression> keys;

  GroupedTable(Table table, List<Expression> keys) {
    this.table = table;
    this.keys = keys;
  }

  /** The keys and aggregates of each group: {@code select($("k"), $("v").sum().as("total"))}. */
  public Table select(Expression... fields) {
    return table.environment().query(
        "SELECT " + table.selectList(fields, SqlScope.NONE) + " FROM " + table.from()
            + " GROUP BY "
            + keys.stream().map(k -> k.toSql(SqlScope.NONE)).collect(Collectors.joining(", ")));
  }
}
