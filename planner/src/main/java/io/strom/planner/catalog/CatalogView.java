package io.strom.planner.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A named query, as {@code CREATE VIEW} declares it.
 *
 * @param schema the columns the query produces
 * @param originalQuery the query as the user wrote it
 * @param expandedQuery the query with every name fully qualified, so it means the same wherever
 *     it is used
 * @param comment the comment, or null
 */
public record CatalogView(
    TableSchema schema, String originalQuery, String expandedQuery, String comment)
    implements CatalogBaseTable {
  public CatalogView {
    requireNonNull(schema, "schema");
    requireNonNull(originalQuery, "originalQuery");
    requireNonNull(expandedQuery, "expandedQuery");
  }

  @Override
  public Map<String, String> options() {
    return Map.of();
  }
}
