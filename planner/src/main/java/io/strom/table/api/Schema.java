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
  private final List<String> elements;

  private Schema(List<String> elements) {
    this.elements = List.copyOf(elements);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The schema as the column list of CREATE TABLE. */
  String toDdl() {
    return elements.stream().collect(Collectors.joining(",\n  ", "(\n  ", "\n)"));
  }

  @Override
  public String toString() {
    return toDdl();
  }

  /** Builds a {@link Schema}; columns come in the order they are added. */
  public static final class Builder {
    private final List<String> columns = new ArrayList<>();
    private String watermark;
    private String primaryKey;

    private Builder() {}

    /** A physical column, read from and written to the connector. */
    public Builder column(String name, LogicalType type) {
      columns.add(SqlText.quote(name) + " " + SqlText.type(type));
      return this;
    }

    /** A computed column: a SQL expression over other columns, e.g. {@code "price * quantity"}. */
    public Builder columnByExpression(String name, String sqlExpression) {
      columns.add(SqlText.quote(name) + " AS " + sqlExpression);
      return this;
    }

    /** A column of connector metadata under its own name, e.g. Kafka's {@code timestamp}. */
    public Builder columnByMetadata(String name, LogicalType type) {
      columns.add(SqlText.quote(name) + " " + SqlText.type(type) + " METADATA");
      return this;
    }

    /**
     * A column of connector metadata {@code key}; a virtual one is read only, never written.
     */
    public Builder columnByMetadata(String name, LogicalType type, String key, boolean isVirtual) {
      columns.add(SqlText.quote(name) + " " + SqlText.type(type) + " METADATA"
          + (key == null ? "" : " FROM " + SqlText.string(key)) + (isVirtual ? " VIRTUAL" : ""));
      return this;
    }

    /** Makes {@code column} the event-time attribute, with watermarks from a SQL expression. */
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
      if (columns.isEmpty()) {
        throw new ValidationException("A schema needs at least one column");
      }
      List<String> all = new ArrayList<>(columns);
      if (watermark != null) {
        all.add(watermark);
      }
      if (primaryKey != null) {
        all.add(primaryKey);
      }
      return new Schema(all);
    }
  }
}
