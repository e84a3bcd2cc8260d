package io.strom.planner.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The catalogs of a session, which one is current, and the session's temporary tables and views.
 * Resolves partial names against the current catalog and database; a temporary object shadows a
 * permanent one of the same name, as in Flink.
 *
 * <p>Used by one session at a time.
 */
public final class CatalogManager {
  public static final String DEFAULT_CATALOG = "default_catalog";
  public static final String DEFAULT_DATABASE = "default_database";

  private final Map<String, Catalog> catalogs = new LinkedHashMap<>();
  private final Map<ObjectIdentifier, CatalogBaseTable> temporaryTables = new LinkedHashMap<>();
  private String currentCatalog;
  private String currentDatabase;

  public CatalogManager() {
    registerCatalog(DEFAULT_CATALOG, new InMemoryCatalog(DEFAULT_CATALOG, DEFAULT_DATABASE));
    currentCatalog = DEFAULT_CATALOG;
    currentDatabase = DEFAULT_DATABASE;
  }

  public void registerCatalog(String name, Catalog catalog) {
    if (catalogs.containsKey(name)) {
      throw new CatalogException("Catalog '" + name + "' already exists");
    }
    catalogs.put(name, requireNonNull(catalog, "catalog"));
  }

  public void dropCatalog(String name, boolean ignoreIfNotExists) {
    if (!catalogs.containsKey(name)) {
      if (ignoreIfNotExists) {
        return;
      }
      throw new CatalogException("Catalog '" + name + "' does not exist");
    }
    if (name.equals(currentCatalog)) {
      throw new CatalogException("Cannot drop catalog '" + name + "' while it is the current one");
    }
    catalogs.remove(name);
  }

  public List<String> listCatalogs() {
    return new ArrayList<>(new TreeSet<>(catalogs.keySet()));
  }

  public Catalog catalog(String name) {
    Catalog catalog = catalogs.get(name);
    if (catalog == null) {
      throw new CatalogException(
          "Catalog '" + name + "' does not exist. Catalogs: " + listCatalogs());
    }
    return catalog;
  }

  public String currentCatalog() {
    return currentCatalog;
  }

  public String currentDatabase() {
    return currentDatabase;
  }

  public void useCatalog(String name) {
    Catalog catalog = catalog(name);
    currentCatalog = name;
    currentDatabase = catalog.defaultDatabase();
  }

  public void useDatabase(String catalogName, String database) {
    Catalog catalog = catalog(catalogName);
    if (!catalog.databaseExists(database)) {
      throw new CatalogException(
          "Database '" + database + "' does not exist in catalog '" + catalogName + "'");
    }
    currentCatalog = catalogName;
    currentDatabase = database;
  }

  /** The full name of {@code name} (1 to 3 parts), filled in from the current catalog and database. */
  public ObjectIdentifier qualify(List<String> name) {
    return switch (name.size()) {
      case 1 -> new ObjectIdentifier(currentCatalog, currentDatabase, name.get(0));
      case 2 -> new ObjectIdentifier(currentCatalog, name.get(0), name.get(1));
      case 3 -> new ObjectIdentifier(name.get(0), name.get(1), name.get(2));
      default ->
          throw new CatalogException(
              "'" + String.join(".", name) + "' is not a valid name: use [catalog.][database.]name");
    };
  }

  /** Finds a table or view by its (partial) name. */
  public Optional<ResolvedTable> resolve(List<String> name) {
    ObjectIdentifier id = qualify(name);
    CatalogBaseTable temporary = temporaryTables.get(id);
    if (temporary != null) {
      return Optional.of(new ResolvedTable(id, temporary, true));
    }
    Catalog catalog = catalogs.get(id.catalog());
    if (catalog == null) {
      return Optional.empty();
    }
    return catalog.getTable(id.path()).map(t -> new ResolvedTable(id, t, false));
  }

  public void createTable(ObjectIdentifier id, CatalogBaseTable table, boolean ignoreIfExists) {
    catalog(id.catalog()).createTable(id.path(), table, ignoreIfExists);
  }

  public void createTemporaryTable(ObjectIdentifier id, CatalogBaseTable table, boolean ignoreIfExists) {
    catalog(id.catalog());
    if (temporaryTables.containsKey(id)) {
      if (ignoreIfExists) {
        return;
      }
      throw new CatalogException("Temporary table or view '" + id + "' already exists");
    }
    temporaryTables.put(id, table);
  }

  /**
   * Drops a table or view: the temporary one if {@code temporary}, else the permanent one.
   *
   * @return false when there was nothing to drop
   */
  public boolean dropTable(ObjectIdentifier id, boolean temporary) {
    if (temporary) {
      return temporaryTables.remove(id) != null;
    }
    if (temporaryTables.containsKey(id)) {
      throw new CatalogException(
          "'" + id + "' is a temporary table or view; use DROP TEMPORARY TABLE or VIEW");
    }
    Catalog catalog = catalogs.get(id.catalog());
    return catalog != null && catalog.dropTable(id.path());
  }

  /** Renames a table or view within its database: the temporary one if it is shadowed by one. */
  public void renameTable(ObjectIdentifier id, String newName) {
    ObjectIdentifier renamed = new ObjectIdentifier(id.catalog(), id.database(), newName);
    CatalogBaseTable temporary = temporaryTables.get(id);
    if (temporary != null) {
      if (temporaryTables.containsKey(renamed)) {
        throw new CatalogException("Temporary table or view '" + renamed + "' already exists");
      }
      temporaryTables.remove(id);
      temporaryTables.put(renamed, temporary);
      return;
    }
    catalog(id.catalog()).renameTable(id.path(), newName);
  }

  public void alterTable(ObjectIdentifier id, CatalogBaseTable table) {
    if (temporaryTables.containsKey(id)) {
      temporaryTables.put(id, table);
    } else {
      catalog(id.catalog()).alterTable(id.path(), table);
    }
  }

  /** Names of the tables and views of the current database, temporary ones included, sorted. */
  public List<String> listTables() {
    return listTables(currentCatalog, currentDatabase);
  }

  /** Names of the tables and views of a database, temporary ones included, sorted. */
  public List<String> listTables(String catalogName, String database) {
    TreeSet<String> names = new TreeSet<>();
    Catalog catalog = catalogs.get(catalogName);
    if (catalog != null && catalog.databaseExists(database)) {
      names.addAll(catalog.listTables(database));
    }
    for (ObjectIdentifier id : temporaryTables.keySet()) {
      if (id.catalog().equals(catalogName) && id.database().equals(database)) {
        names.add(id.name());
      }
    }
    return new ArrayList<>(names);
  }
}
