package io.strom.codegen.types;

import io.strom.types.DayTimeIntervalType;
import io.strom.types.DayTimeIntervalType.Resolution;
import io.strom.types.LogicalType;
import io.strom.types.YearMonthIntervalType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIntervalQualifier;

/** Converts Calcite interval types to Strom's year-month and day-time interval types. */
final class IntervalConversions {
  private IntervalConversions() {}

  static LogicalType yearMonth(RelDataType t) {
    SqlIntervalQualifier q = t.getIntervalQualifier();
    int precision = clamp(q == null ? 2 : q.getStartPrecision(StromTypeSystem.INSTANCE),
        1, YearMonthIntervalType.MAX_YEAR_PRECISION);
    YearMonthIntervalType.Resolution resolution;
    switch (t.getSqlTypeName()) {
      case INTERVAL_YEAR: resolution = YearMonthIntervalType.Resolution.YEAR; break;
      case INTERVAL_MONTH: resolution = YearMonthIntervalType.Resolution.MONTH; break;
      default: resolution = YearMonthIntervalType.Resolution.YEAR_TO_MONTH;
    }
    return new YearMonthIntervalType(true, resolution, precision);
  }

  static LogicalType dayTime(RelDataType t) {
    SqlIntervalQualifier q = t.getIntervalQualifier();
    int lead = q == null ? 2 : q.getStartPrecision(StromTypeSystem.INSTANCE);
    int fraction = q == null ? 6 : q.getFractionalSecondPrecision(StromTypeSystem.INSTANCE);
    Resolution resolution;
    switch (t.getSqlTypeName()) {
      case INTERVAL_DAY: resolution = Resolution.DAY; break;
      case INTERVAL_DAY_HOUR: resolution = Resolution.DAY_TO_HOUR; break;
      case INTERVAL_DAY_MINUTE: resolution = Resolution.DAY_TO_MINUTE; break;
      case INTERVAL_DAY_SECOND: resolution = Resolution.DAY_TO_SECOND; break;
      case INTERVAL_HOUR: resolution = Resolution.HOUR; break;
      case INTERVAL_HOUR_MINUTE: resolution = Resolution.HOUR_TO_MINUTE; break;
      case INTERVAL_HOUR_SECOND: resolution = Resolution.HOUR_TO_SECOND; break;
      case INTERVAL_MINUTE: resolution = Resolution.MINUTE; break;
      case INTERVAL_MINUTE_SECOND: resolution = Resolution.MINUTE_TO_SECOND; break;
      default: resolution = Resolution.SECOND;
    }
    return new DayTimeIntervalType(
        true, resolution, clamp(lead, 1, DayTimeIntervalType.MAX_DAY_PRECISION),
        clamp(fraction, 0, DayTimeIntervalType.MAX_FRACTIONAL_PRECISION));
  }

  private static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }
}
