package io.strom.benchmarks.flink;

import io.strom.data.Row;
import io.strom.types.DecimalType;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of either engine as plain Java values, to compare one engine's rows with the other's:
 * integers as {@code Long}, strings as {@code String}, timestamps as epoch milliseconds, decimals
 * as plain strings, nested rows as lists, NULL as {@code "null"}.
 */
final class PlainRows {
  private PlainRows() {}

  /** A Flink row. */
  static List<Object> ofFlink(org.apache.flink.types.Row row) {
    List<Object> values = new ArrayList<>(row.getArity());
    for (int i = 0; i < row.getArity(); i++) {
      values.add(plain(row.getField(i)));
    }
    return values;
  }

  private static Object plain(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Integer i) {
      return (long) i;
    }
    if (value instanceof LocalDateTime t) {
      return t.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof org.apache.flink.types.Row nested) {
      return ofFlink(nested);
    }
    return value;
  }

  /** A Strom row of the given type. */
  static List<Object> ofStrom(Row row, RowType type) {
    List<Object> values = new ArrayList<>(type.fieldCount());
    for (int i = 0; i < type.fieldCount(); i++) {
      values.add(plain(row, i, type.typeAt(i)));
    }
    return values;
  }

  private static Object plain(Row row, int i, LogicalType type) {
    if (row.isNullAt(i)) {
      return "null";
    }
    return switch (type.root()) {
      case INTEGER -> (long) row.getInt(i);
      case BIGINT -> row.getLong(i);
      case CHAR, VARCHAR -> row.getString(i).toString();
      case TIMESTAMP_WITHOUT_TIME_ZONE -> row.getTimestamp(i, 3).millisecond();
      case DECIMAL -> {
        DecimalType decimal = (DecimalType) type;
        yield row.getDecimal(i, decimal.precision(), decimal.scale()).toBigDecimal()
            .toPlainString();
      }
      case ROW -> {
        RowType nested = (RowType) type;
        yield ofStrom(row.getRow(i, nested.fieldCount()), nested);
      }
      default -> throw new IllegalArgumentException("No plain value for " + type);
    };
  }
}
