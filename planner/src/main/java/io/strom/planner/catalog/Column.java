package io.strom.planner.catalog;

import io.strom.types.LogicalType;

/**
 * A column of a table: stored in the data (physical), computed from other columns, or read from
 * the connector's metadata (such as a Kafka record's offset).
 */
public sealed interface Column permits Column.Physical, Column.Computed, Column.Metadata {

  String name();

  LogicalType type();

  /** The column's comment, or null. */
  String comment();

  /** Whether the column is part of the rows a sink writes. */
  boolean isPersisted();

  /**
   * A column stored in the data.
   *
   * @param name the name
   * @param type the type
   * @param comment the comment, or null
   */
  record Physical(String name, LogicalType type, String comment) implements Column {
    public Physical {
      Columns.check(name, type);
    }

    @Override
    public boolean isPersisted() {
      return true;
    }
  }

  /**
   * A column computed from others when the table is read; never written.
   *
   * @param name the name
   * @param type the type the expression has
   * @param expression the expression as SQL text, over the table's other columns
   * @param comment the comment, or null
   */
  record Computed(String name, LogicalType type, String expression, String comment)
      implements Column {
    public Computed {
      Columns.check(name, type);
      if (expression == null || expression.isBlank()) {
        throw new IllegalArgumentException("Computed column '" + name + "' needs an expression");
      }
    }

    @Override
    public boolean isPersisted() {
      return false;
    }
  }

  /**
   * A column the connector fills from metadata, such as a record's timestamp.
   *
   * @param name the name
   * @param type the type
   * @param key the metadata key, or null when it is the column's name
   * @param virtual true when the column is only read, never written
   * @param comment the comment, or null
   */
  record Metadata(String name, LogicalType type, String key, boolean virtual, String comment)
      implements Column {
    public Metadata {
      Columns.check(name, type);
    }

    /** The metadata key this column reads: its own name unless {@code FROM 'key'} was given. */
    public String metadataKey() {
      return key == null ? name : key;
    }

    @Override
    public boolean isPersisted() {
      return !virtual;
    }
  }
}
