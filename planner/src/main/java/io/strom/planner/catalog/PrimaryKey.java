package io.strom.planner.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A primary key, declared {@code NOT ENFORCED} as in Flink: the engine trusts it (for upserts and
 * state) and does not check it.
 *
 * @param name the constraint name
 * @param columns the key columns, in order
 */
public record PrimaryKey(String name, List<String> columns) {
  public PrimaryKey {
    requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("A primary key needs at least one column");
    }
  }
}
