package io.strom.planner.catalog;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A table read and written through a connector, as {@code CREATE TABLE} declares it.
 *
 * @param schema the columns, watermark and primary key
 * @param partitionKeys the partition columns, possibly empty
 * @param options the {@code WITH} options, in declaration order
 * @param comment the comment, or null
 */
public record CatalogTable(
    TableSchema schema, List<String> partitionKeys, Map<String, String> options, String comment)
    implements CatalogBaseTable {
  public CatalogTable {
    requireNonNull(schema, "schema");
    partitionKeys = List.copyOf(partitionKeys);
    options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    for (String key : partitionKeys) {
      if (schema.column(key).isEmpty()) {
        throw new IllegalArgumentException("Partition column '" + key + "' is not a column of the table");
      }
    }
  }

  /** A copy with other options, for {@code ALTER TABLE ... SET/RESET}. */
  public CatalogTable withOptions(Map<String, String> newOptions) {
    return new CatalogTable(schema, partitionKeys, newOptions, comment);
  }
}
