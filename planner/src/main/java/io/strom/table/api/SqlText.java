package io.strom.table.api;

import io.strom.types.LogicalType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes SQL text for the Table API, which builds its queries as SQL so that they go through
 * exactly the validation, planning and operators statements do.
 */
final class SqlText {
  private SqlText() {}

  /** An identifier in backticks, so any name (keywords, spaces, dots) stays one name. */
  static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** A Java value as a SQL literal of the type Flink's Table API gives it. */
  static String literal(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Boolean b) {
      return b ? "TRUE" : "FALSE";
    }
    if (value instanceof Integer i) {
      return i.toString();
    }
    if (value instanceof Long l) {
      return "CAST(" + l + " AS BIGINT)";
    }
    if (value instanceof Short s) {
      return "CAST(" + s + " AS SMALLINT)";
    }
    if (value instanceof Byte b) {
      return "CAST(" + b + " AS TINYINT)";
    }
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite()
          ? "CAST('" + d + "' AS DOUBLE)"
          : "CAST(" + BigDecimal.valueOf(d).toPlainString() + "E0 AS DOUBLE)";
    }
    if (value instanceof Float f) {
      return "CAST(" + BigDecimal.valueOf(f).toPlainString() + "E0 AS FLOAT)";
    }
    if (value instanceof BigDecimal d) {
      String plain = d.toPlainString();
      return plain.contains(".") ? plain : "CAST(" + plain + " AS DECIMAL(" + Math.max(1, d.precision()) + ", 0))";
    }
    if (value instanceof LocalDate d) {
      return "DATE '" + d + "'";
    }
    if (value instanceof LocalTime t) {
      return "TIME '" + t.format(DateTimeFormatter.ISO_LOCAL_TIME) + "'";
    }
    if (value instanceof LocalDateTime t) {
      return "TIMESTAMP '" + t.toLocalDate() + " " + t.toLocalTime().format(DateTimeFormatter.ISO_LOCAL_TIME) + "'";
    }
    if (value instanceof Instant i) {
      return "TO_TIMESTAMP_LTZ(" + i.toEpochMilli() + ", 3)";
    }
    throw new io.strom.planner.ValidationException(
        "A literal of class " + value.getClass().getName() + " is not supported; use String,"
            + " Boolean, a number, BigDecimal, LocalDate, LocalTime, LocalDateTime or Instant");
  }

  /** A type as DDL writes it. */
  static String type(LogicalType type) {
    return type.asSummaryString();
  }
}
