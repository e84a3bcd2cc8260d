package io.strom.planner.operations;

import io.strom.planner.ValidationException;
import io.strom.sql.parser.StromSqlParser;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code INSERT INTO t (b, a) SELECT ...}: the query's columns go to the listed columns, every
 * other column of {@code t} gets NULL. Rewritten into a query with all of {@code t}'s columns in
 * order, so the rest of the insert path sees a plain {@code INSERT INTO t SELECT ...}.
 */
final class InsertColumnList {
  private InsertColumnList() {}

  static SqlNode expand(SqlNodeList listed, RowType sinkType, SqlNode query, String table) {
    return expand(listed, sinkType, query, table, java.util.Map.of());
  }

  /**
   * The same with some columns fixed to an expression (a static partition's values): the query's
   * columns go to the listed columns, the fixed ones get their expressions, the rest NULL.
   */
  static SqlNode expand(
      SqlNodeList listed,
      RowType sinkType,
      SqlNode query,
      String table,
      java.util.Map<String, SqlNode> fixed) {
    List<String> names = new ArrayList<>();
    for (SqlNode node : listed) {
      String name = ((SqlIdentifier) node).getSimple();
      if (!sinkType.fieldNames().contains(name)) {
        throw new ValidationException(node.getParserPosition(),
            "Table '" + table + "' has no column '" + name + "'. Its columns: "
                + sinkType.fieldNames());
      }
      if (fixed.containsKey(name)) {
        throw new ValidationException(node.getParserPosition(),
            "Column '" + name + "' has a value in the PARTITION clause and cannot be listed too");
      }
      if (names.contains(name)) {
        throw new ValidationException(node.getParserPosition(),
            "Column '" + name + "' is listed twice");
      }
      names.add(name);
    }
    SqlParserPos pos = query.getParserPosition();
    // FROM (query) AS "$insert"("$c0", "$c1", ...): the query's columns by position.
    List<SqlNode> as = new ArrayList<>();
    as.add(query);
    as.add(new SqlIdentifier("$insert", pos));
    for (int i = 0; i < names.size(); i++) {
      as.add(new SqlIdentifier("$c" + i, pos));
    }
    SqlNodeList select = new SqlNodeList(pos);
    for (int i = 0; i < sinkType.fieldCount(); i++) {
      String name = sinkType.fields().get(i).name();
      int at = names.indexOf(name);
      select.add(at >= 0
          ? new SqlIdentifier("$c" + at, pos)
          : fixed.containsKey(name) ? fixed.get(name) : TypedNulls.of(sinkType.typeAt(i)));
    }
    SqlSelect rewritten = (SqlSelect) new StromSqlParser().parseStatement("SELECT 1 FROM t");
    rewritten.setSelectList(select);
    rewritten.setFrom(SqlStdOperatorTable.AS.createCall(pos, as));
    return rewritten;
  }
}
