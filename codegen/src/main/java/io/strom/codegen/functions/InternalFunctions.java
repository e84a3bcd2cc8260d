package io.strom.codegen.functions;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * Functions the planner puts into plans but users cannot call: they are in no operator table,
 * only the code generator knows them.
 */
public final class InternalFunctions {
  private InternalFunctions() {}

  /**
   * {@code HASH_CODE(x)}: an INT computed from {@code x}'s value alone (never its identity), so
   * equal values hash equally on every subtask and after a restore; 0 for NULL. The split of
   * distinct aggregations buckets values with it, as Flink does.
   */
  public static final SqlFunction HASH_CODE = SqlBasicFunction.create(
      "HASH_CODE", ReturnTypes.INTEGER, OperandTypes.ANY, SqlFunctionCategory.SYSTEM);
}
