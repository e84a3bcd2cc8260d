package io.strom.table.api;

import io.strom.types.LogicalType;
import io.strom.types.RowType;
import java.util.List;
import java.util.stream.Collectors;

/** The columns of a table or result, with their types as validation resolved them. */
public final class ResolvedSchema {
  private final RowType type;

  ResolvedSchema(RowType type) {
    this.type = type;
  }

  public List<String> getColumnNames() {
    return type.fieldNames();
  }

  public List<LogicalType> getColumnDataTypes() {
    return type.fieldTypes();
  }

  public int getColumnCount() {
    return type.fieldCount();
  }

  /** The columns as one row type. */
  public RowType toRowType() {
    return type;
  }

  /** As Flink prints a schema: one {@code `name` TYPE} per line, in parentheses. */
  @Override
  public String toString() {
    return type.fields().stream()
        .map(f -> "  " + SqlText.quote(f.name()) + " " + f.type().asSummaryString())
        .collect(Collectors.joining(",\n", "(\n", "\n)"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResolvedSchema other && type.equals(other.type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }
}
