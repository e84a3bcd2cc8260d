package io.strom.sql.client;

import io.strom.data.Row;
import io.strom.planner.catalog.CatalogManager;
import io.strom.planner.catalog.ResolvedTable;
import io.strom.planner.config.KnownOptions;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The metadata of a session in this JVM, read straight from its catalogs. Called on the shell's
 * thread between statements, so it never races with a running statement.
 */
final class LocalSessionMetadata implements SessionMetadata {
  private final SqlSession session;
  private final KnownOptions options;
  private List<String> functions;

  LocalSessionMetadata(SqlSession session, KnownOptions options) {
    this.session = session;
    this.options = options;
  }

  @Override
  public List<String> catalogs() {
    return session.catalogs().listCatalogs();
  }

  @Override
  public List<String> databases(String catalog) {
    try {
      return session.catalogs().catalog(catalog).listDatabases();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  @Override
  public List<String> tables() {
    return session.catalogs().listTables();
  }

  @Override
  public List<String> tables(String catalog, String database) {
    try {
      return session.catalogs().listTables(catalog, database);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  @Override
  public List<String> columns(List<String> tableName) {
    CatalogManager catalogs = session.catalogs();
    try {
      return catalogs.resolve(tableName).map(ResolvedTable::table).map(t -> t.schema().columnNames())
          .orElse(List.of());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  @Override
  public List<String> functions() {
    // SHOW FUNCTIONS also lists the session's own functions; built-ins never change, but
    // user functions do, so the list is read again after each CREATE/DROP FUNCTION.
    if (functions == null) {
      functions = new ArrayList<>();
      StatementResult result = session.execute("SHOW FUNCTIONS");
      for (Row row : result.rows()) {
        functions.add(row.getString(0).toString());
      }
    }
    return functions;
  }

  /** Forgets cached function names (after a statement that may have changed them). */
  void refresh() {
    functions = null;
  }

  @Override
  public List<String> optionKeys() {
    List<String> keys = new ArrayList<>();
    options.all().forEach(option -> keys.add(option.key()));
    return keys;
  }
}
