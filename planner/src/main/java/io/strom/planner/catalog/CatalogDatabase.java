package io.strom.planner.catalog;

import java.util.Map;

/**
 * A database of a catalog.
 *
 * @param properties the {@code WITH} properties
 * @param comment the comment, or null
 */
public record CatalogDatabase(Map<String, String> properties, String comment) {
  public CatalogDatabase {
    properties = Map.copyOf(properties);
  }
}
