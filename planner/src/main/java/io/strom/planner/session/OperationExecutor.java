package io.strom.planner.session;

import io.strom.configuration.Configuration;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.StringData;
import io.strom.planner.ValidationException;
import io.strom.planner.config.KnownOptions;
import io.strom.planner.catalog.Catalog;
import io.strom.planner.catalog.CatalogDatabase;
import io.strom.planner.catalog.CatalogException;
import io.strom.planner.catalog.CatalogManager;
import io.strom.planner.catalog.CatalogTable;
import io.strom.planner.catalog.CatalogView;
import io.strom.planner.catalog.FunctionCatalog;
import io.strom.planner.catalog.InMemoryCatalog;
import io.strom.planner.catalog.ResolvedTable;
import io.strom.planner.operations.Operation;
import io.strom.runtime.functions.RegexFunctions;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Carries out operations against a session's catalogs and settings. */
final class OperationExecutor {
  private final CatalogManager catalogs;
  private final Configuration defaults;
  private final Configuration settings;
  private final KnownOptions knownOptions;
  private final QueryExecutor queries;
  private final FunctionCatalog functions;
  private boolean streamResults;

  OperationExecutor(
      CatalogManager catalogs,
      FunctionCatalog functions,
      Configuration defaults,
      Configuration settings,
      KnownOptions knownOptions,
      QueryExecutor queries) {
    this.functions = functions;
    this.catalogs = catalogs;
    this.defaults = defaults;
    this.settings = settings;
    this.knownOptions = knownOptions;
    this.queries = queries;
  }

  void setStreamResults(boolean stream) {
    this.streamResults = stream;
  }

  StatementResult execute(Operation operation) {
    try {
      return run(operation);
    } catch (CatalogException e) {
      throw new ValidationException(e.getMessage());
    }
  }

  private StatementResult run(Operation operation) {
    if (operation instanceof Operation.CreateTable create) {
      if (create.temporary()) {
        catalogs.createTemporaryTable(create.identifier(), create.table(), create.ignoreIfExists());
      } else {
        catalogs.createTable(create.identifier(), create.table(), create.ignoreIfExists());
      }
      return StatementResult.ok();
    }
    if (operation instanceof Operation.DropTable drop) {
      return dropTable(drop);
    }
    if (operation instanceof Operation.AlterTableOptions alter) {
      CatalogTable table = (CatalogTable) resolve(alter.identifier()).table();
      catalogs.alterTable(alter.identifier(), table.withOptions(alter.options()));
      return StatementResult.ok();
    }
    if (operation instanceof Operation.RenameTable rename) {
      catalogs.renameTable(rename.identifier(), rename.newName());
      return StatementResult.ok();
    }
    if (operation instanceof Operation.CreateCatalog create) {
      return createCatalog(create);
    }
    if (operation instanceof Operation.DropCatalog drop) {
      catalogs.dropCatalog(drop.name(), drop.ifExists());
      return StatementResult.ok();
    }
    if (operation instanceof Operation.UseCatalog use) {
      catalogs.useCatalog(use.name());
      return StatementResult.ok();
    }
    if (operation instanceof Operation.CreateDatabase create) {
      catalogs
          .catalog(create.catalog())
          .createDatabase(
              create.name(), new CatalogDatabase(create.properties(), create.comment()), create.ifNotExists());
      return StatementResult.ok();
    }
    if (operation instanceof Operation.DropDatabase drop) {
      if (drop.catalog().equals(catalogs.currentCatalog())
          && drop.name().equals(catalogs.currentDatabase())) {
        throw new ValidationException("Cannot drop database '" + drop.name() + "' while it is the current one");
      }
      catalogs.catalog(drop.catalog()).dropDatabase(drop.name(), drop.ifExists(), drop.cascade());
      return StatementResult.ok();
    }
    if (operation instanceof Operation.UseDatabase use) {
      catalogs.useDatabase(use.catalog(), use.name());
      return StatementResult.ok();
    }
    if (operation instanceof Operation.Set set) {
      return set(set);
    }
    if (operation instanceof Operation.Reset reset) {
      return reset(reset);
    }
    if (operation instanceof Operation.Show show) {
      return show(show);
    }
    if (operation instanceof Operation.Describe describe) {
      return TableDescriptions.describe(resolve(describe.identifier()));
    }
    if (operation instanceof Operation.ShowCreate show) {
      return showCreate(show);
    }
    if (operation instanceof Operation.CreateFunction create) {
      functions.create(
          create.name(), create.className(), Thread.currentThread().getContextClassLoader(),
          create.ifNotExists());
      return StatementResult.ok();
    }
    if (operation instanceof Operation.DropFunction drop) {
      if (!functions.drop(drop.name()) && !drop.ifExists()) {
        throw new ValidationException("Function '" + drop.name() + "' does not exist");
      }
      return StatementResult.ok();
    }
    if (operation instanceof Operation.Query query) {
      return queries.query(query.query(), streamResults);
    }
    if (operation instanceof Operation.Insert insert) {
      return queries.insert(new QueryExecutor.InsertInto(
          insert.target(), insert.query(), insert.overwrite(), insert.staticPartition()));
    }
    if (operation instanceof Operation.StopJob stop) {
      if (stop.withSavepoint()) {
        return queries.stopJobWithSavepoint(stop.jobId(), stop.withDrain());
      }
      queries.stopJob(stop.jobId());
      return StatementResult.ok();
    }
    if (operation instanceof Operation.StatementSet set) {
      List<QueryExecutor.InsertInto> inserts = new ArrayList<>();
      for (Operation.Insert insert : set.inserts()) {
        inserts.add(new QueryExecutor.InsertInto(
            insert.target(), insert.query(), insert.overwrite(), insert.staticPartition()));
      }
      return queries.insert(inserts);
    }
    if (operation instanceof Operation.CreateTableAs ctas) {
      return createTableAs(ctas);
    }
    if (operation instanceof Operation.Explain explain) {
      if (explain.statement() instanceof Operation.Query query) {
        return queries.explain(query.query(), null, explain);
      }
      if (explain.statement() instanceof Operation.Insert insert) {
        return queries.explain(insert.query(), new QueryExecutor.InsertInto(insert.target(),
            insert.query(), insert.overwrite(), insert.staticPartition()), explain);
      }
      throw new ValidationException("EXPLAIN works on queries and INSERT statements");
    }
    throw new IllegalStateException("Bug: no execution for " + operation);
  }

  /** Creates the table with the query's columns, then fills it from the query. */
  private StatementResult createTableAs(Operation.CreateTableAs ctas) {
    if (ctas.ifNotExists()
        && catalogs.resolve(List.of(ctas.identifier().catalog(), ctas.identifier().database(),
            ctas.identifier().name())).isPresent()) {
      return StatementResult.ok();
    }
    RowType type = queries.queryType(ctas.query());
    List<io.strom.planner.catalog.Column> columns = new ArrayList<>();
    for (RowType.RowField field : type.fields()) {
      columns.add(
          new io.strom.planner.catalog.Column.Physical(field.name(), plain(field.type()), null));
    }
    CatalogTable table =
        new CatalogTable(
            io.strom.planner.catalog.TableSchema.of(columns), List.of(), ctas.options(), null);
    if (ctas.temporary()) {
      catalogs.createTemporaryTable(ctas.identifier(), table, false);
    } else {
      catalogs.createTable(ctas.identifier(), table, false);
    }
    try {
      return queries.insert(ctas.identifier(), ctas.query());
    } catch (RuntimeException e) {
      // The table must not stay behind half made: without its rows it is not what was asked.
      catalogs.dropTable(ctas.identifier(), ctas.temporary());
      throw e;
    }
  }

  /** The type without a time-attribute marker: a new table's columns are plain values. */
  private static io.strom.types.LogicalType plain(io.strom.types.LogicalType type) {
    if (type instanceof io.strom.types.TimestampType t) {
      return t.withKind(io.strom.types.TimestampKind.REGULAR);
    }
    if (type instanceof io.strom.types.LocalZonedTimestampType t) {
      return t.withKind(io.strom.types.TimestampKind.REGULAR);
    }
    return type;
  }

  private StatementResult dropTable(Operation.DropTable drop) {
    ResolvedTable table = catalogs.resolve(List.of(
        drop.identifier().catalog(), drop.identifier().database(), drop.identifier().name())).orElse(null);
    String kind = drop.view() ? "View" : "Table";
    if (table == null) {
      if (drop.ifExists()) {
        return StatementResult.ok();
      }
      throw new ValidationException(kind + " '" + drop.identifier() + "' does not exist");
    }
    boolean isView = table.table() instanceof CatalogView;
    if (isView != drop.view()) {
      throw new ValidationException(
          "'" + drop.identifier() + "' is a " + (isView ? "view: use DROP VIEW" : "table: use DROP TABLE"));
    }
    if (!catalogs.dropTable(drop.identifier(), drop.temporary()) && !drop.ifExists()) {
      throw new ValidationException(
          "Temporary " + kind.toLowerCase(java.util.Locale.ROOT) + " '" + drop.identifier()
              + "' does not exist; DROP without TEMPORARY drops the permanent one");
    }
    return StatementResult.ok();
  }

  private StatementResult createCatalog(Operation.CreateCatalog create) {
    String type = create.options().get("type");
    if (type != null && !type.equals("generic_in_memory")) {
      throw new ValidationException(
          "Catalog type '" + type + "' is not available; Strom has 'generic_in_memory'");
    }
    String database = create.options().getOrDefault("default-database", CatalogManager.DEFAULT_DATABASE);
    catalogs.registerCatalog(create.name(), new InMemoryCatalog(create.name(), database));
    return StatementResult.ok();
  }

  private StatementResult set(Operation.Set set) {
    if (set.key() == null) {
      List<Row> rows = new ArrayList<>();
      for (Map.Entry<String, String> e : new TreeMap<>(settings.toMap()).entrySet()) {
        rows.add(GenericRow.of(e.getKey(), e.getValue()));
      }
      return StatementResult.table(keyValueSchema(), rows);
    }
    knownOptions
        .get(set.key())
        .ifPresent(
            option -> {
              try {
                option.parse(set.value());
              } catch (IllegalArgumentException e) {
                throw new ValidationException(e.getMessage());
              }
            });
    settings.setString(set.key(), set.value());
    return StatementResult.ok();
  }

  private StatementResult reset(Operation.Reset reset) {
    if (reset.key() == null) {
      for (String key : new ArrayList<>(settings.toMap().keySet())) {
        settings.remove(key);
      }
      settings.addAll(defaults);
    } else if (defaults.getString(reset.key()) != null) {
      settings.setString(reset.key(), defaults.getString(reset.key()));
    } else {
      settings.remove(reset.key());
    }
    return StatementResult.ok();
  }

  private static RowType keyValueSchema() {
    return DataTypes.ROW(
        DataTypes.FIELD("key", DataTypes.STRING().copy(false)),
        DataTypes.FIELD("value", DataTypes.STRING().copy(false)));
  }

  private StatementResult show(Operation.Show show) {
    String catalog = show.catalog() == null ? catalogs.currentCatalog() : show.catalog();
    String database = show.database() == null ? catalogs.currentDatabase() : show.database();
    return switch (show.kind()) {
      case CATALOGS -> names("catalog name", catalogs.listCatalogs(), show);
      case DATABASES -> names("database name", shownCatalog(catalog).listDatabases(), show);
      case TABLES -> names("table name", shownTables(catalog, database), show);
      case VIEWS ->
          names(
              "view name",
              shownTables(catalog, database).stream()
                  .filter(
                      t ->
                          catalogs
                              .resolve(List.of(catalog, database, t))
                              .map(r -> r.table() instanceof CatalogView)
                              .orElse(false))
                  .toList(),
              show);
      // Strom's user functions belong to the session, not to a database: every database shows them.
      case FUNCTIONS -> names("function name", shownFunctions(catalog, database, false), show);
      case USER_FUNCTIONS -> names("function name", shownFunctions(catalog, database, true), show);
      case JOBS -> queries.jobs();
      case CURRENT_CATALOG ->
          names("current catalog name", List.of(catalogs.currentCatalog()), show);
      case CURRENT_DATABASE ->
          names("current database name", List.of(catalogs.currentDatabase()), show);
    };
  }

  /** The catalog a SHOW lists from, with Flink's message when there is none of that name. */
  private Catalog shownCatalog(String name) {
    if (!catalogs.listCatalogs().contains(name)) {
      throw new ValidationException("A catalog with name [" + name + "] does not exist.");
    }
    return catalogs.catalog(name);
  }

  /** Checks that a SHOW's database exists, with Flink's message when it does not. */
  private void checkShownDatabase(String catalog, String database) {
    if (!shownCatalog(catalog).databaseExists(database)) {
      throw new ValidationException(
          "Database '" + catalog + "'.'" + database + "' doesn't exist.");
    }
  }

  private List<String> shownTables(String catalog, String database) {
    checkShownDatabase(catalog, database);
    return catalogs.listTables(catalog, database);
  }

  private List<String> shownFunctions(String catalog, String database, boolean userOnly) {
    checkShownDatabase(catalog, database);
    return userOnly ? functions.userFunctionNames() : functions.allFunctionNames();
  }

  /** One row per name, keeping those that match the statement's {@code [NOT] LIKE}, if any. */
  private static StatementResult names(String column, List<String> names, Operation.Show show) {
    StringData pattern =
        show.likePattern() == null ? null : StringData.fromString(show.likePattern());
    List<Row> rows = new ArrayList<>();
    for (String name : names) {
      // LIKE is case-sensitive, as in Flink.
      if (pattern == null
          || RegexFunctions.like(StringData.fromString(name), pattern, null) != show.notLike()) {
        rows.add(GenericRow.of(name));
      }
    }
    return StatementResult.table(
        DataTypes.ROW(DataTypes.FIELD(column, DataTypes.STRING().copy(false))), rows);
  }

  private StatementResult showCreate(Operation.ShowCreate show) {
    ResolvedTable table = resolve(show.identifier());
    boolean isView = table.table() instanceof CatalogView;
    if (isView != show.view()) {
      throw new ValidationException(
          "'" + show.identifier() + "' is a " + (isView ? "view: use SHOW CREATE VIEW" : "table: use SHOW CREATE TABLE"));
    }
    String ddl = TableDescriptions.createStatement(table);
    return StatementResult.table(
        DataTypes.ROW(DataTypes.FIELD("result", DataTypes.STRING().copy(false))),
        List.of(GenericRow.of(ddl)));
  }

  private ResolvedTable resolve(io.strom.planner.catalog.ObjectIdentifier id) {
    return catalogs
        .resolve(List.of(id.catalog(), id.database(), id.name()))
        .orElseThrow(() -> new ValidationException("Table or view '" + id + "' does not exist"));
  }
}
