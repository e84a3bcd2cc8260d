package io.strom.planner.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A table or view found by name, with where it was found.
 *
 * @param identifier its full name
 * @param table what the catalog holds
 * @param temporary true when it is a session-scoped temporary object
 */
public record ResolvedTable(ObjectIdentifier identifier, CatalogBaseTable table, boolean temporary) {
  public ResolvedTable {
    requireNonNull(identifier, "identifier");
    requireNonNull(table, "table");
  }
}
