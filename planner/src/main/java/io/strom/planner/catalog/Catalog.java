package io.strom.planner.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A namespace of databases holding tables and views. Implementations decide where the metadata
 * lives; {@link InMemoryCatalog} keeps it for the session. Thread-safe.
 */
public interface Catalog {

  String defaultDatabase();

  List<String> listDatabases();

  boolean databaseExists(String name);

  void createDatabase(String name, CatalogDatabase database, boolean ignoreIfExists);

  /**
   * @param cascade drop the database's tables too; without it a non-empty database is refused
   */
  void dropDatabase(String name, boolean ignoreIfNotExists, boolean cascade);

  /** Names of the tables and views of a database. */
  List<String> listTables(String database);

  Optional<CatalogBaseTable> getTable(ObjectPath path);

  void createTable(ObjectPath path, CatalogBaseTable table, boolean ignoreIfExists);

  void alterTable(ObjectPath path, CatalogBaseTable table);

  void renameTable(ObjectPath path, String newName);

  /** Drops the table or view; returns false when it did not exist. */
  boolean dropTable(ObjectPath path);
}
