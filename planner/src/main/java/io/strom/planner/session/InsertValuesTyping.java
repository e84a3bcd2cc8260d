package io.strom.planner.session;

import io.strom.types.RowType;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Gives the bare NULLs of {@code INSERT INTO t VALUES (...)} the type of their sink column, as
 * Flink does: {@code VALUES (1, NULL)} alone has no type for its NULL, but into a table it does.
 */
final class InsertValuesTyping {
  private InsertValuesTyping() {}

  /** {@code query} with each untyped NULL of a VALUES row cast to its sink column's type. */
  static SqlNode apply(SqlNode query, RowType sinkType) {
    SqlNode values = query;
    if (query instanceof SqlSelect select && select.getFrom() != null
        && select.getFrom().getKind() == SqlKind.VALUES) {
      values = select.getFrom();
    }
    if (values.getKind() != SqlKind.VALUES) {
      return query;
    }
    for (SqlNode row : ((SqlCall) values).getOperandList()) {
      if (!(row instanceof SqlBasicCall call) || call.getKind() != SqlKind.ROW) {
        continue;
      }
      List<SqlNode> fields = call.getOperandList();
      for (int i = 0; i < fields.size() && i < sinkType.fieldCount(); i++) {
        if (fields.get(i) instanceof SqlLiteral literal && literal.getTypeName() == SqlTypeName.NULL) {
          call.setOperand(i, io.strom.planner.operations.TypedNulls.of(sinkType.typeAt(i)));
        }
      }
    }
    return query;
  }
}
