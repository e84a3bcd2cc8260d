package io.strom.planner.print;

import io.strom.data.GenericConverter;
import io.strom.data.InternalValues;
import io.strom.data.Row;
import io.strom.types.RowType;

/** Turns rows into the text the shell shows in each cell; NULL shows as {@code <NULL>}. */
public final class RowCells {
  public static final String NULL = "<NULL>";

  private RowCells() {}

  public static String[] of(Row row, RowType schema) {
    String[] cells = new String[schema.fields().size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = of(row, i, schema);
    }
    return cells;
  }

  public static String of(Row row, int i, RowType schema) {
    if (row.isNullAt(i)) {
      return NULL;
    }
    io.strom.types.LogicalType type = schema.fields().get(i).type();
    if (type instanceof io.strom.types.TimestampType timestamp) {
      return timestamp(row.getTimestamp(i, timestamp.precision()).toLocalDateTime(),
          timestamp.precision());
    }
    return InternalValues.format(GenericConverter.get(row, i, type));
  }

  /**
   * A TIMESTAMP(p) as Flink's shell shows it: {@code 2024-01-01 10:00:00.000}, the fraction with
   * exactly {@code p} digits.
   */
  public static String timestamp(java.time.LocalDateTime value, int precision) {
    String text = value.toLocalDate() + " " + String.format(java.util.Locale.ROOT, "%02d:%02d:%02d",
        value.getHour(), value.getMinute(), value.getSecond());
    if (precision == 0) {
      return text;
    }
    String nanos = String.format(java.util.Locale.ROOT, "%09d", value.getNano());
    return text + "." + nanos.substring(0, precision);
  }

  /** The value, shortened with an ellipsis when longer than {@code width}. */
  public static String fit(String value, int width) {
    return value.length() <= width ? value : value.substring(0, Math.max(0, width - 3)) + "...";
  }
}
