package io.strom.table.api;

import io.strom.planner.ValidationException;
import io.strom.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The columns of a table declared in Java, as CREATE TABLE declares them: physical, computed and
 * metadata columns, a watermark and a primary key.
 * {@code Schema.newBuilder().column("id", DataTypes.BIGINT()).watermark("ts", "ts - INTERVAL '5'
 * SECOND").build()}.
 */
public final class Schema {
  /**
   * A declared column.
   *
   * @param name the column's name
   * @param type its type, or null for a computed column
   * @param ddl the column as CREATE TABLE writes it
   * @param physical whether the connector (or stream) provides it as it is
   */
  public record DeclaredColumn(String name, LogicalType type, String ddl, boolean physical) {}

  private final List<DeclaredColumn> columns;
  private final List<String> constraints;

  private Schema(List<DeclaredColumn> columns, List<String> constraints) {
    this.columns = List.copyOf(columns);
    this.constraints = List.copyOf(constraints);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The physical columns: those the connector or stream provides. */
  public List<DeclaredColumn> physicalColumns() {
    return columns.stream().filter(DeclaredColumn::physical).toList();
  }

  /** The schema as the column list of CREATE TABLE. */
  String toDdl() {
    return toDdl(List.of());
  }

  /**
   * The column list of CREATE TABLE, led by {@code derivedColumns}: the physical columns a
   * stream's element type gives when the schema declares none.
   */
  public String toDdl(List<String> derivedColumns) {
    List<String> all = new ArrayList<>(derivedColumns);
    columns.forEach(c -> all.add(c.ddl()));
    all.addAll(constraints);
    if (all.isEmpty()) {
      throw new ValidationException("A schema needs at least one column");
    }
    return all.stream().collect(Collectors.joining(",\n  ", "(\n  ", "\n)"));
  }

  @Override
  public String toString() {
    return toDdl();
  }

  /** Builds a {@link Schema}; columns come in the order they are added. */
  public static final class Builder {
    private final List<DeclaredColumn> columns = new ArrayList<>();
    private String watermark;
    private String primaryKey;

    private Builder() {}

    /** A physical column, read from and written to the connector. */
    public Builder column(String name, LogicalType type) {
      columns.add(new DeclaredColumn(name, type, SqlText.quote(name) + " " + SqlText.type(type), true));
      return this;
    }

    /** A computed column: a SQL expression over other columns, e.g. {@code "price * quantity"}. */
    public Builder columnByExpression(String name, String sqlExpression) {
      columns.add(new DeclaredColumn(name, null, SqlText.quote(name) + " AS " + sqlExpression, false));
      return this;
    }

    /** A column of connector metadata under its own name, e.g. a stream's {@code rowtime}. */
    public Builder columnByMetadata(String name, LogicalType type) {
      return columnByMetadata(name, type, null, false);
    }

    /** A column of connector metadata {@code key}; a virtual one is read only, never written. */
    public Builder columnByMetadata(String name, LogicalType type, String key, boolean isVirtual) {
      columns.add(new DeclaredColumn(name, type, SqlText.quote(name) + " " + SqlText.type(type)
          + " METADATA" + (key == null ? "" : " FROM " + SqlText.string(key))
          + (isVirtual ? " VIRTUAL" : ""), false));
      return this;
    }

    /**
     * Makes {@code column} the event-time attribute, with watermarks from a SQL expression, or
     * {@code "SOURCE_WATERMARK()"} to keep a DataStream's own watermarks.
     */
    public Builder watermark(String column, String sqlExpression) {
      if (watermark != null) {
        throw new ValidationException("A table has at most one watermark");
      }
      watermark = "WATERMARK FOR " + SqlText.quote(column) + " AS " + sqlExpression;
      return this;
    }

    /** The primary key, not enforced (as in Flink): the connector relies on it being unique. */
    public Builder primaryKey(String... columnNames) {
      if (columnNames.length == 0) {
        throw new ValidationException("A primary key needs at least one column");
      }
      primaryKey = "PRIMARY KEY ("
          + java.util.Arrays.stream(columnNames).map(SqlText::quote).collect(Collectors.joining(", "))
          + ") NOT ENFORCED";
      return this;
    }

    public Schema build() {
      List<String> constraints = new ArrayList<>();
      if (watermark != null) {
        constraints.add(watermark);
      }
      if (primaryKey != null) {
        constraints.add(primaryKey);
      }
      return new Schema(columns, constraints);
    }
  }
}
