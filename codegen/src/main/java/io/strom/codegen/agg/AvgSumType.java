package io.strom.codegen.agg;

import io.strom.codegen.expr.JavaTypes;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The type AVG sums its argument in, as Flink's AVG does: BIGINT for integers, DOUBLE for FLOAT
 * and DOUBLE, DECIMAL(38, s) for decimals. Plans that compute an average as a sum divided by a
 * count (the split of distinct aggregations) sum in it too, so they overflow no sooner than AVG.
 */
public final class AvgSumType {
  private AvgSumType() {}

  public static RelDataType of(RelDataTypeFactory types, RelDataType arg) {
    return switch (JavaTypes.of(arg)) {
      case "float", "double" -> types.createSqlType(SqlTypeName.DOUBLE);
      case JavaTypes.DECIMAL -> types.createSqlType(SqlTypeName.DECIMAL, 38, arg.getScale());
      default -> types.createSqlType(SqlTypeName.BIGINT);
    };
  }
}
