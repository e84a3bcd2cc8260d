package io.strom.sql.gateway;

import io.strom.planner.catalog.Catalog;
import io.strom.planner.catalog.CatalogManager;
import io.strom.planner.catalog.CatalogView;
import io.strom.planner.catalog.ObjectPath;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.MetaImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * The gateway's side of Avatica's JDBC protocol: each connection is a {@link GatewaySession};
 * statements run SQL in it; results travel in frames, a running query's as its rows arrive.
 * Metadata (tables, columns, catalogs, databases as schemas) comes from the session's catalogs.
 * Prepared statements with parameters are not supported.
 *
 * <p>Called on the HTTP server's threads, several at once for different connections and even for
 * one connection (a fetch and a cancel).
 */
final class StromMeta extends MetaImpl {
  private final GatewaySessions sessions;
  private final Duration fetchWait;

  StromMeta(GatewaySessions sessions, Duration fetchWait) {
    super(null);
    this.sessions = sessions;
    this.fetchWait = fetchWait;
  }

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    Map<String, String> properties = info == null ? Map.of() : info;
    sessions.open(ch.id, properties.get("user"), properties.get("password"));
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    sessions.close(ch.id);
  }

  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties props) {
    GatewaySession session = sessions.get(ch.id);
    CatalogManager catalogs = session.sqlSession().catalogs();
    ConnectionPropertiesImpl current =
        new ConnectionPropertiesImpl(
            true, false, Connection.TRANSACTION_NONE, catalogs.currentCatalog(),
            catalogs.currentDatabase());
    return current;
  }

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    return new StatementHandle(ch.id, sessions.get(ch.id).createStatement().id(), null);
  }

  @Override
  public void closeStatement(StatementHandle h) {
    GatewaySession session = sessions.get(h.connectionId);
    session.closeStatement(h.id);
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    throw new GatewayException(
        "Prepared statements are not supported yet; run SQL with java.sql.Statement");
  }

  @Override
  @SuppressWarnings("deprecation")
  public ExecuteResult prepareAndExecute(
      StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
      throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override
  public ExecuteResult prepareAndExecute(
      StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
      PrepareCallback callback) {
    GatewaySession session = sessions.get(h.connectionId);
    GatewayStatement statement = session.statement(h.id);
    boolean rows = session.execute(statement, sql);
    if (!rows) {
      return new ExecuteResult(List.of(MetaResultSet.count(h.connectionId, h.id, 0)));
    }
    Frame first;
    try {
      // A running query answers at once with no rows; the client's fetches then wait for them.
      first = statement.fetch(0, maxRowsInFirstFrame, Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException("The gateway is shutting down");
    }
    Signature signature =
        Signature.create(
            statement.columns().metadata(), sql, List.of(), CursorFactory.ARRAY,
            StatementType.SELECT);
    return new ExecuteResult(
        List.of(MetaResultSet.create(h.connectionId, h.id, false, signature, first)));
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands) {
    GatewaySession session = sessions.get(h.connectionId);
    GatewayStatement statement = session.statement(h.id);
    long[] counts = new long[sqlCommands.size()];
    for (int i = 0; i < sqlCommands.size(); i++) {
      session.execute(statement, sqlCommands.get(i));
    }
    return new ExecuteBatchResult(counts);
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValues) {
    throw new GatewayException("Prepared statements are not supported yet");
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    GatewayStatement statement = sessions.get(h.connectionId).statement(h.id);
    try {
      return statement.fetch(offset, fetchMaxRowCount, fetchWait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayException("The gateway is shutting down");
    }
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, long maxRowCount) {
    throw new GatewayException("Prepared statements are not supported yet");
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame) {
    throw new GatewayException("Prepared statements are not supported yet");
  }

  @Override
  public boolean syncResults(StatementHandle sh, QueryState state, long offset) {
    return false;
  }

  @Override
  public void commit(ConnectionHandle ch) {
    // Every statement commits as it runs; there is no transaction to end.
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    throw new GatewayException("Strom has no transactions to roll back");
  }

  // ---- Metadata, from the session's catalogs (databases appear as JDBC schemas) ----

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    CatalogManager catalogs = sessions.get(ch.id).sqlSession().catalogs();
    List<Object> rows = new ArrayList<>();
    catalogs.listCatalogs().forEach(c -> rows.add(new Object[] {c}));
    return table(ch, List.of("TABLE_CAT"), rows);
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle ch, String catalog, Pat schemaPattern) {
    CatalogManager catalogs = sessions.get(ch.id).sqlSession().catalogs();
    List<Object> rows = new ArrayList<>();
    for (String c : catalogs.listCatalogs()) {
      if (catalog == null || catalog.equals(c)) {
        for (String database : catalogs.catalog(c).listDatabases()) {
          if (matches(schemaPattern, database)) {
            rows.add(new Object[] {database, c});
          }
        }
      }
    }
    return table(ch, List.of("TABLE_SCHEM", "TABLE_CATALOG"), rows);
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle ch) {
    return table(ch, List.of("TABLE_TYPE"), List.of(new Object[] {"TABLE"}, new Object[] {"VIEW"}));
  }

  @Override
  public MetaResultSet getTables(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
      List<String> typeList) {
    List<Object> rows = new ArrayList<>();
    forEachTable(ch, catalog, schemaPattern, tableNamePattern, (c, d, name, table) -> {
      String type = table instanceof CatalogView ? "VIEW" : "TABLE";
      if (typeList == null || typeList.contains(type)) {
        rows.add(new Object[] {c, d, name, type, table.comment(), null, null, null, null, null});
      }
    });
    return table(ch, List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS",
        "TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SELF_REFERENCING_COL_NAME", "REF_GENERATION"), rows);
  }

  @Override
  public MetaResultSet getColumns(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tableNamePattern,
      Pat columnNamePattern) {
    List<Object> rows = new ArrayList<>();
    forEachTable(ch, catalog, schemaPattern, tableNamePattern, (c, d, name, table) -> {
      int position = 0;
      for (String column : table.schema().columnNames()) {
        position++;
        if (matches(columnNamePattern, column)) {
          io.strom.types.LogicalType type = table.schema().typeOf(column);
          rows.add(new Object[] {c, d, name, column, type.asSummaryString(), position,
              type.nullable() ? "YES" : "NO"});
        }
      }
    });
    return table(ch, List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "TYPE_NAME",
        "ORDINAL_POSITION", "IS_NULLABLE"), rows);
  }

  /** What {@link #forEachTable} hands each table to. */
  private interface TableVisitor {
    void visit(String catalog, String database, String name, io.strom.planner.catalog.CatalogBaseTable table);
  }

  private void forEachTable(
      ConnectionHandle ch, String catalog, Pat schemaPattern, Pat tablePattern, TableVisitor visitor) {
    CatalogManager catalogs = sessions.get(ch.id).sqlSession().catalogs();
    for (String c : catalogs.listCatalogs()) {
      if (catalog != null && !catalog.equals(c)) {
        continue;
      }
      Catalog cat = catalogs.catalog(c);
      for (String database : cat.listDatabases()) {
        if (!matches(schemaPattern, database)) {
          continue;
        }
        for (String name : cat.listTables(database)) {
          if (matches(tablePattern, name)) {
            cat.getTable(new ObjectPath(database, name))
                .ifPresent(table -> visitor.visit(c, database, name, table));
          }
        }
      }
    }
  }

  /** A JDBC LIKE pattern ({@code %}, {@code _}); null matches everything. */
  private static boolean matches(Pat pattern, String value) {
    if (pattern == null || pattern.s == null) {
      return true;
    }
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.s.toCharArray()) {
      regex.append(c == '%' ? ".*" : c == '_' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
    }
    return value.matches(regex.toString());
  }

  /** A complete metadata result of text and number columns, on a statement of its own. */
  private MetaResultSet table(ConnectionHandle ch, List<String> names, List<Object> rows) {
    GatewayStatement statement = sessions.get(ch.id).createStatement();
    List<ColumnMetaData> columns = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      boolean number = names.get(i).equals("ORDINAL_POSITION");
      columns.add(columnMetaData(names.get(i), i, number ? Integer.class : String.class, true));
    }
    Signature signature =
        Signature.create(columns, "", List.of(), CursorFactory.ARRAY, StatementType.SELECT);
    return MetaResultSet.create(
        ch.id, statement.id(), true, signature, new Frame(0, true, new ArrayList<>(rows)));
  }

  @Override
  public Map<DatabaseProperty, Object> getDatabaseProperties(ConnectionHandle ch) {
    sessions.get(ch.id);
    return Map.of(DatabaseProperty.GET_DRIVER_NAME, "Strom", DatabaseProperty.GET_DRIVER_VERSION,
        "0.1", DatabaseProperty.GET_DEFAULT_TRANSACTION_ISOLATION, Connection.TRANSACTION_NONE);
  }
}
