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

  /**
   * Applies an aggregate function to each group, as Flink's {@code aggregate}: {@code
   * groupBy($("k")).aggregate(call("wavg", $("v"), $("w")).as("avg")).select($("k"), $("avg"))}.
   * The result is the keys followed by the aggregate's columns (a ROW result flattened into its
   * fields), to {@code select} from.
   */
  public AggregatedTable aggregate(Expression aggregateCall) {
    List<Expression> columns = new java.util.ArrayList<>(keys);
    columns.add(aggregateCall);
    return new AggregatedTable(select(columns.toArray(new Expression[0])), keys.size());
  }

  /** Table aggregate functions (several rows per group) are not built. */
  public Table flatAggregate(Expression tableAggregateCall) {
    throw new io.strom.planner.ValidationException(
        "flatAggregate (table aggregate functions) is not supported yet; use aggregate with an"
            + " aggregate function, or a Top-N query in SQL");
  }
}
