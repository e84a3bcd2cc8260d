package io.strom.codegen.types;

import static java.util.Objects.requireNonNull;

import io.strom.types.TimestampKind;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.BasicSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A TIMESTAMP or TIMESTAMP_LTZ type that is a time attribute (event time or processing time), so
 * the planner sees the attribute on the column's type as Flink does; prints as {@code TIMESTAMP(3)
 * *ROWTIME*}. Create through {@link StromTypeFactory#createTimeAttributeType}.
 */
public final class TimeAttributeType extends BasicSqlType {
  private static final long serialVersionUID = 1L;

  private final TimestampKind kind;

  TimeAttributeType(
      RelDataTypeSystem system, SqlTypeName typeName, int precision, TimestampKind kind,
      boolean nullable) {
    super(system, typeName, nullable, precision);
    this.kind = requireNonNull(kind, "kind");
    computeDigest();
  }

  /** ROWTIME or PROCTIME. */
  public TimestampKind kind() {
    return kind;
  }

  @Override
  protected void generateTypeString(StringBuilder sb, boolean withDetail) {
    super.generateTypeString(sb, withDetail);
    sb.append(kind == TimestampKind.ROWTIME ? " *ROWTIME*" : " *PROCTIME*");
  }
}
