package io.strom.planner.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A catalog whose metadata lives in memory for the life of the session. Thread-safe. */
public final class InMemoryCatalog implements Catalog {
  private final String name;
  private final String defaultDatabase;
  private final Map<String, Map<String, CatalogBaseTable>> databases = new TreeMap<>();

  public InMemoryCatalog(String name, String defaultDatabase) {
    this.name = requireNonNull(name, "name");
    this.defaultDatabase = requireNonNull(defaultDatabase, "defaultDatabase");
    databases.put(defaultDatabase, new TreeMap<>());
  }

  @Override
  public String defaultDatabase() {
    return defaultDatabase;
  }

  @Override
  public synchronized List<String> listDatabases() {
    return new ArrayList<>(databases.keySet());
  }

  @Override
  public synchronized boolean databaseExists(String database) {
    return databases.containsKey(database);
  }

  @Override
  public synchronized void createDatabase(
      String database, CatalogDatabase properties, boolean ignoreIfExists) {
    if (databases.containsKey(database)) {
      if (ignoreIfExists) {
        return;
      }
      throw new CatalogException("Database '" + database + "' already exists in catalog '" + name + "'");
    }
    databases.put(database, new TreeMap<>());
  }

  @Override
  public synchronized void dropDatabase(String database, boolean ignoreIfNotExists, boolean cascade) {
    Map<String, CatalogBaseTable> tables = databases.get(database);
    if (tables == null) {
      if (ignoreIfNotExists) {
        return;
      }
      throw new CatalogException("Database '" + database + "' does not exist in catalog '" + name + "'");
    }
    if (!tables.isEmpty() && !cascade) {
      throw new CatalogException(
          "Database '" + database + "' is not empty; use DROP DATABASE ... CASCADE to drop its"
              + " tables too");
    }
    databases.remove(database);
  }

  private Map<String, CatalogBaseTable> tablesOf(String database) {
    Map<String, CatalogBaseTable> tables = databases.get(database);
    if (tables == null) {
      throw new CatalogException("Database '" + database + "' does not exist in catalog '" + name + "'");
    }
    return tables;
  }

  @Override
  public synchronized List<String> listTables(String database) {
    return new ArrayList<>(tablesOf(database).keySet());
  }

  @Override
  public synchronized Optional<CatalogBaseTable> getTable(ObjectPath path) {
    Map<String, CatalogBaseTable> tables = databases.get(path.database());
    return tables == null ? Optional.empty() : Optional.ofNullable(tables.get(path.name()));
  }

  @Override
  public synchronized void createTable(ObjectPath path, CatalogBaseTable table, boolean ignoreIfExists) {
    Map<String, CatalogBaseTable> tables = tablesOf(path.database());
    if (tables.containsKey(path.name())) {
      if (ignoreIfExists) {
        return;
      }
      throw new CatalogException(
          "Table or view '" + path + "' already exists in catalog '" + name + "'");
    }
    tables.put(path.name(), table);
  }

  @Override
  public synchronized void alterTable(ObjectPath path, CatalogBaseTable table) {
    Map<String, CatalogBaseTable> tables = tablesOf(path.database());
    if (!tables.containsKey(path.name())) {
      throw new CatalogException("Table '" + path + "' does not exist in catalog '" + name + "'");
    }
    tables.put(path.name(), table);
  }

  @Override
  public synchronized void renameTable(ObjectPath path, String newName) {
    Map<String, CatalogBaseTable> tables = tablesOf(path.database());
    CatalogBaseTable table = tables.get(path.name());
    if (table == null) {
      throw new CatalogException("Table '" + path + "' does not exist in catalog '" + name + "'");
    }
    if (tables.containsKey(newName)) {
      throw new CatalogException(
          "Table or view '" + new ObjectPath(path.database(), newName) + "' already exists");
    }
    tables.remove(path.name());
    tables.put(newName, table);
  }

  @Override
  public synchronized boolean dropTable(ObjectPath path) {
    Map<String, CatalogBaseTable> tables = databases.get(path.database());
    return tables != null && tables.remove(path.name()) != null;
  }
}
