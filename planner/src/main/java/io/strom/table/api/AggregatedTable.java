package io.strom.table.api;

import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@link GroupedTable#aggregate}: the group keys and the aggregate's columns, a ROW
 * result spread over its fields. {@link #select} picks from them.
 */
public final class AggregatedTable {
  private final Table flattened;

  AggregatedTable(Table aggregated, int keyCount) {
    RowType type = aggregated.getResolvedSchema().toRowType();
    if (type.typeAt(keyCount) instanceof RowType row) {
      List<Expression> columns = new ArrayList<>();
      for (int i = 0; i < keyCount; i++) {
        columns.add(Expressions.$(type.fieldNames().get(i)));
      }
      String result = type.fieldNames().get(keyCount);
      for (String field : row.fieldNames()) {
        columns.add(Expressions.$(result).get(field).as(field));
      }
      this.flattened = aggregated.select(columns.toArray(new Expression[0]));
    } else {
      this.flattened = aggregated;
    }
  }

  /** Columns of the keys and the aggregate's result: {@code select($("k"), $("avg"))}. */
  public Table select(Expression... fields) {
    return flattened.select(fields);
  }
}
