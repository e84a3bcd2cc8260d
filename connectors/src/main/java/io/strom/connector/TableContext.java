package io.strom.connector;

import static java.util.Objects.requireNonNull;

import io.strom.configuration.Configuration;
import io.strom.types.RowType;
import java.util.List;
import java.util.Map;

/**
 * What a connector factory knows about the table it builds a source or sink for.
 *
 * @param name the fully qualified name, e.g. {@code default_catalog.default_database.orders}
 * @param physicalType the physical columns in declaration order (no computed or metadata columns)
 * @param options the {@code WITH} options exactly as written
 * @param primaryKey the primary key's column names, or empty
 * @param partitionKeys the {@code PARTITIONED BY} columns in order, or empty
 * @param configuration the session configuration
 * @param classLoader the loader of user classes and factories
 */
public record TableContext(
    String name,
    RowType physicalType,
    Map<String, String> options,
    List<String> primaryKey,
    List<String> partitionKeys,
    Configuration configuration,
    ClassLoader classLoader) {

  public TableContext {
    requireNonNull(name, "name");
    requireNonNull(physicalType, "physicalType");
    options = Map.copyOf(requireNonNull(options, "options"));
    primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey"));
    partitionKeys = List.copyOf(requireNonNull(partitionKeys, "partitionKeys"));
    requireNonNull(configuration, "configuration");
    requireNonNull(classLoader, "classLoader");
    for (String column : primaryKey) {
      if (physicalType.fieldIndex(column) < 0) {
        throw new IllegalArgumentException(
            "Primary key column '" + column + "' is not a physical column of " + name);
      }
    }
  }

  /** A context of a table that is not partitioned. */
  public TableContext(
      String name,
      RowType physicalType,
      Map<String, String> options,
      List<String> primaryKey,
      Configuration configuration,
      ClassLoader classLoader) {
    this(name, physicalType, options, primaryKey, List.of(), configuration, classLoader);
  }

  /** A context with no primary key, an empty configuration and this class's loader; for tests and tools. */
  public static TableContext of(String name, RowType physicalType, Map<String, String> options) {
    return new TableContext(
        name,
        physicalType,
        options,
        List.of(),
        new Configuration(),
        TableContext.class.getClassLoader());
  }
}
