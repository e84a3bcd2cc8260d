package io.strom.planner.catalog;

import io.strom.types.DataTypes;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of a table or view, with its watermark and primary key. Column names are unique;
 * the watermark's rowtime column and the key columns must exist (checked here).
 *
 * @param columns the columns in declaration order
 * @param watermark the watermark, or null
 * @param primaryKey the primary key, or null
 */
public record TableSchema(List<Column> columns, WatermarkSpec watermark, PrimaryKey primaryKey) {
  public TableSchema {
    columns = List.copyOf(columns);
    Set<String> names = new HashSet<>();
    for (Column c : columns) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException("Column '" + c.name() + "' is defined twice");
      }
    }
    if (watermark != null && !names.contains(watermark.rowtimeColumn())) {
      throw new IllegalArgumentException(
          "The watermark's rowtime column '" + watermark.rowtimeColumn() + "' is not a column of"
              + " the table; columns: " + names);
    }
    if (primaryKey != null) {
      for (String key : primaryKey.columns()) {
        if (!names.contains(key)) {
          throw new IllegalArgumentException(
              "Primary key column '" + key + "' is not a column of the table");
        }
      }
    }
  }

  public static TableSchema of(List<Column> columns) {
    return new TableSchema(columns, null, null);
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** All columns as a row type, in declaration order. */
  public RowType rowType() {
    return rowTypeOf(columns);
  }

  /** The physical columns: what the connector's format reads and writes. */
  public RowType physicalRowType() {
    return rowTypeOf(columns.stream().filter(c -> c instanceof Column.Physical).toList());
  }

  /** The columns a sink writes: physical and non-virtual metadata columns. */
  public RowType persistedRowType() {
    return rowTypeOf(columns.stream().filter(Column::isPersisted).toList());
  }

  private static RowType rowTypeOf(List<Column> cols) {
    List<RowType.RowField> fields = new ArrayList<>();
    for (Column c : cols) {
      fields.add(new RowType.RowField(c.name(), c.type(), c.comment()));
    }
    return DataTypes.ROW(fields);
  }

  /** The type of column {@code name}; fails when there is none. */
  public LogicalType typeOf(String name) {
    return column(name)
        .orElseThrow(() -> new IllegalArgumentException("No column '" + name + "'"))
        .type();
  }
}
