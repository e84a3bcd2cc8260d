package io.strom.planner.calcite;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;

/**
 * Brings window syntax that Calcite cannot plan as Flink does into the window table functions'
 * form, before validation, in every query block of a statement (innermost first):
 *
 * <ol>
 *   <li>{@link SessionPartitionRewriter}: {@code SESSION(TABLE t PARTITION BY k, ...)};
 *   <li>{@link GroupWindowRewriter}: the legacy {@code GROUP BY TUMBLE/HOP/SESSION(...)}, after
 *       the first since its result never has a PARTITION BY.
 * </ol>
 *
 * The nodes are changed in place.
 */
public final class WindowSyntaxRewriter {
  private WindowSyntaxRewriter() {}

  public static void rewrite(SqlNode node) {
    if (node instanceof SqlNodeList list) {
      for (SqlNode item : list) {
        rewrite(item);
      }
    } else if (node instanceof SqlCall call) {
      for (SqlNode operand : call.getOperandList()) {
        if (operand != null) {
          rewrite(operand);
        }
      }
      if (call instanceof SqlSelect select) {
        SessionPartitionRewriter.rewrite(select);
        GroupWindowRewriter.rewrite(select);
      }
    }
  }
}
