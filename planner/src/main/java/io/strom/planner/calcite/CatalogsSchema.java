package io.strom.planner.calcite;

import io.strom.planner.catalog.CatalogManager;
import io.strom.planner.catalog.ResolvedTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * The session's catalogs as Calcite sees them: a root schema whose sub-schemas are catalogs, whose
 * sub-schemas are databases, whose tables are the catalog's tables and views (temporary ones
 * included). Built fresh for each statement, so it always reflects the catalogs as they are.
 */
public final class CatalogsSchema extends AbstractSchema {
  private final CatalogManager catalogs;
  private final TableFactory tables;

  /** Creates the Calcite table of a catalog table or view. */
  public interface TableFactory {
    Table create(ResolvedTable table);
  }

  public CatalogsSchema(CatalogManager catalogs, TableFactory tables) {
    this.catalogs = catalogs;
    this.tables = tables;
  }

  @Override
  protected Map<String, Schema> getSubSchemaMap() {
    Map<String, Schema> map = new LinkedHashMap<>();
    for (String catalog : catalogs.listCatalogs()) {
      map.put(catalog, new CatalogSchema(catalog));
    }
    return map;
  }

  /** The databases of one catalog. */
  private final class CatalogSchema extends AbstractSchema {
    private final String catalog;

    CatalogSchema(String catalog) {
      this.catalog = catalog;
    }

    @Override
    protected Map<String, Schema> getSubSchemaMap() {
      Map<String, Schema> map = new LinkedHashMap<>();
      for (String database : catalogs.catalog(catalog).listDatabases()) {
        map.put(database, new DatabaseSchema(catalog, database));
      }
      return map;
    }
  }

  /** The tables and views of one database. */
  private final class DatabaseSchema extends AbstractSchema {
    private final String catalog;
    private final String database;

    DatabaseSchema(String catalog, String database) {
      this.catalog = catalog;
      this.database = database;
    }

    @Override
    protected Map<String, Table> getTableMap() {
      Map<String, Table> map = new LinkedHashMap<>();
      for (String name : catalogs.listTables(catalog, database)) {
        catalogs
            .resolve(List.of(catalog, database, name))
            .ifPresent(t -> map.put(name, tables.create(t)));
      }
      return map;
    }
  }
}
