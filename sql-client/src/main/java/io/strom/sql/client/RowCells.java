package io.strom.sql.client;

import io.strom.data.GenericConverter;
import io.strom.data.InternalValues;
import io.strom.data.Row;
import io.strom.types.RowType;

/** Turns rows into the text the shell shows in each cell; NULL shows as {@code <NULL>}. */
final class RowCells {
  static final String NULL = "<NULL>";

  private RowCells() {}

  static String[] of(Row row, RowType schema) {
    String[] cells = new String[schema.fields().size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = of(row, i, schema);
    }
    return cells;
  }

  static String of(Row row, int i, RowType schema) {
    return row.isNullAt(i)
        ? NULL
        : InternalValues.format(GenericConverter.get(row, i, schema.fields().get(i).type()));
  }

  /** The value, shortened with an ellipsis when longer than {@code width}. */
  static String fit(String value, int width) {
    return value.length() <= width ? value : value.substring(0, Math.max(0, width - 3)) + "...";
  }
}
