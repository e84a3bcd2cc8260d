package io.strom.planner.operations;

import io.strom.sql.parser.StromSqlParser;
import io.strom.types.LogicalType;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/** {@code CAST(NULL AS type)} as a SQL expression, for NULLs whose type comes from a sink. */
public final class TypedNulls {
  private TypedNulls() {}

  public static SqlNode of(LogicalType type) {
    String name = type.copy(true).asSummaryString();
    SqlSelect select =
        (SqlSelect) new StromSqlParser().parseStatement("SELECT CAST(NULL AS " + name + ")");
    return select.getSelectList().get(0);
  }
}
