package io.strom.planner.calcite;

import io.strom.planner.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

/**
 * Rewrites {@code SESSION(TABLE t PARTITION BY k, ...)} (Flink 1.19's form) into {@code
 * SESSION(TABLE t, ...)} before validation, after checking that the enclosing aggregation groups
 * by every partition column. A session window aggregation forms sessions per grouping key anyway,
 * so the partitioning adds nothing to the plan; Calcite would plan the set-semantics table as a
 * correlation, which the window aggregation could not use.
 */
final class SessionPartitionRewriter {
  private SessionPartitionRewriter() {}

  /** Rewrites every SESSION call of {@code select}'s FROM clause; nested queries are visited by the caller. */
  static void rewrite(SqlSelect select) {
    SqlCall session = sessionCall(select.getFrom());
    if (session == null || session.operandCount() == 0) {
      return;
    }
    // Named arguments wrap the table: DATA => TABLE t PARTITION BY k.
    SqlCall holder = session.operand(0).getKind() == SqlKind.ARGUMENT_ASSIGNMENT
        ? session.operand(0) : session;
    if (holder.operand(0).getKind() != SqlKind.SET_SEMANTICS_TABLE) {
      return;
    }
    SqlCall table = holder.operand(0);
    SqlNodeList partitionKeys = table.operand(1);
    SqlNodeList orderKeys = table.operand(2);
    if (orderKeys != null && !orderKeys.isEmpty()) {
      throw new ValidationException(table.getParserPosition(),
          "SESSION's table argument takes PARTITION BY but no ORDER BY: sessions follow the time"
              + " column. Remove the ORDER BY.");
    }
    List<String> grouped = groupedColumns(select);
    List<String> missing = new ArrayList<>();
    for (SqlNode key : partitionKeys) {
      String name = lastName(key);
      if (select.getGroup() != null && !grouped.contains(name.toLowerCase(Locale.ROOT))) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new ValidationException(table.getParserPosition(),
          "The PARTITION BY columns of SESSION must be among the GROUP BY columns of its window"
              + " aggregation; add " + String.join(", ", missing) + " to the GROUP BY");
    }
    holder.setOperand(0, table.operand(0));
  }

  /** The SESSION call of {@code TABLE(SESSION(...)) [AS alias]}, or null. */
  static SqlCall sessionCall(SqlNode from) {
    if (from == null) {
      return null;
    }
    if (from.getKind() == SqlKind.AS) {
      from = ((SqlCall) from).operand(0);
    }
    if (from.getKind() != SqlKind.COLLECTION_TABLE) {
      return null;
    }
    SqlNode function = ((SqlCall) from).operand(0);
    return function instanceof SqlCall call
        && call.getOperator().getName().equalsIgnoreCase("SESSION") ? call : null;
  }

  private static List<String> groupedColumns(SqlSelect select) {
    List<String> names = new ArrayList<>();
    if (select.getGroup() != null) {
      for (SqlNode item : select.getGroup()) {
        if (item instanceof SqlIdentifier id) {
          names.add(lastName(id).toLowerCase(Locale.ROOT));
        }
      }
    }
    return names;
  }

  private static String lastName(SqlNode node) {
    if (!(node instanceof SqlIdentifier id)) {
      throw new ValidationException(node.getParserPosition(),
          "PARTITION BY of SESSION takes column names, not expressions such as " + node);
    }
    return id.names.get(id.names.size() - 1);
  }
}
