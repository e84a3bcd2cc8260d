package io.strom.planner.catalog;

import java.util.Map;

/** What a catalog stores under a table name: a table backed by a connector, or a view. */
public sealed interface CatalogBaseTable permits CatalogTable, CatalogView {

  TableSchema schema();

  /** The comment, or null. */
  String comment();

  /** The connector options (empty for views). */
  Map<String, String> options();
}
