package io.strom.planner.calcite;

import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.BasicSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The Calcite type of a time attribute: a TIMESTAMP(3) (or TIMESTAMP_LTZ(3)) column that is the
 * event time of its rows (rowtime, from a table's WATERMARK) or their processing time
 * ({@code PROCTIME()}). Window functions and temporal joins require one.
 */
public final class TimeIndicatorType extends BasicSqlType {
  private static final long serialVersionUID = 1L;

  private final boolean eventTime;

  public TimeIndicatorType(
      RelDataTypeSystem typeSystem, SqlTypeName typeName, boolean nullable, boolean eventTime) {
    super(typeSystem, typeName, nullable, 3);
    this.eventTime = eventTime;
    computeDigest();
  }

  public boolean isEventTime() {
    return eventTime;
  }

  @Override
  protected void generateTypeString(StringBuilder sb, boolean withDetail) {
    super.generateTypeString(sb, withDetail);
    if (withDetail) {
      sb.append(eventTime ? " *ROWTIME*" : " *PROCTIME*");
    }
  }
}
