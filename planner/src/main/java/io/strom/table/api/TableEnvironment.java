package io.strom.table.api;

import io.strom.api.functions.UserDefinedFunction;
import io.strom.configuration.Configuration;
import io.strom.configuration.ConfigurationLoader;
import io.strom.data.Row;
import io.strom.planner.ValidationException;
import io.strom.planner.config.KnownOptions;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import io.strom.sql.parser.SqlParseError;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Table API programs start: tables from the catalog or from SQL, functions, settings, and
 * running. It is a SQL session seen from Java, so everything SQL offers is here through {@link
 * #executeSql}, and tables built in Java and SQL statements see the same catalogs.
 *
 * <p>Close it to stop the queries it started and its embedded cluster. Not thread-safe.
 */
public class TableEnvironment implements AutoCloseable {
  private final SqlSession session;
  private final TableConfig config = new TableConfig(this);
  private int aliases;
  private int unnamedTables;
  private final java.util.Map<Table, String> unnamedNames = new java.util.IdentityHashMap<>();

  protected TableEnvironment(SqlSession session) {
    this.session = session;
    session.setStreamQueryResults(true);
  }

  /** An environment with the configuration file's settings overridden by {@code settings}'. */
  public static TableEnvironment create(EnvironmentSettings settings) {
    return new TableEnvironment(newSession(settings.getConfiguration()));
  }

  /** An environment with the configuration file's settings overridden by {@code settings}. */
  public static TableEnvironment create(Configuration settings) {
    return new TableEnvironment(newSession(settings));
  }

  protected static SqlSession newSession(Configuration settings) {
    Configuration merged = ConfigurationLoader.loadDefault();
    merged.addAll(settings);
    return new SqlSession(merged, KnownOptions.of());
  }

  /** The SQL session this environment is; for subclasses and the classes of this package. */
  protected SqlSession session() {
    return session;
  }

  /** The query a table stands for, for subclasses that translate tables themselves. */
  protected static String sqlOf(Table table) {
    return table.sql();
  }

  /** The environment a table belongs to. */
  protected static TableEnvironment environmentOf(Table table) {
    return table.environment();
  }

  /** An identifier quoted for SQL. */
  protected static String quote(String identifier) {
    return SqlText.quote(identifier);
  }

  /** A name for a table the environment registers itself, unique within it. */
  protected String nextUnnamedTable() {
    return SqlText.quote("UnnamedTable$" + (++unnamedTables));
  }

  public TableConfig getConfig() {
    return config;
  }

  // ---- SQL

  /**
   * Runs one SQL statement: DDL, SET, SHOW, INSERT, a query, EXECUTE STATEMENT SET, ... A query
   * hands on its rows as they come; an insert over bounded tables waits until it has written them.
   */
  public TableResult executeSql(String statement) {
    return new TableResult(session.execute(statement));
  }

  /** A table for a SQL query, to go on with in Java. */
  public Table sqlQuery(String query) {
    return query(query);
  }

  /** The plans of a statement, as {@code EXPLAIN} prints them. */
  public String explainSql(String statement) {
    StatementResult result = session.execute("EXPLAIN " + statement);
    return result.rows().get(0).getString(0).toString();
  }

  // ---- tables

  /** The table or view at {@code path} ({@code orders}, {@code db.orders}, {@code cat.db.orders}). */
  public Table from(String path) {
    return query("SELECT * FROM " + path);
  }

  /** A table of the rows a {@link TableDescriptor} reads, without naming it in the catalog. */
  public Table from(TableDescriptor descriptor) {
    String name = nextUnnamedTable();
    session.execute(descriptor.toDdl("CREATE TEMPORARY TABLE " + name));
    return from(name);
  }

  /**
   * A table of literal rows: each value is a {@link io.strom.types.Row}, an {@link Expression}
   * such as {@code row(1, "a")}, or a single value. Columns are named {@code f0, f1, ...}.
   */
  public Table fromValues(Object... rows) {
    if (rows.length == 0) {
      throw new ValidationException("fromValues needs at least one row");
    }
    List<String> tuples = new ArrayList<>();
    for (Object row : rows) {
      tuples.add(tuple(row));
    }
    String values = "SELECT * FROM (VALUES " + String.join(", ", tuples) + ") AS "
        + SqlText.quote(nextAlias());
    RowType type = validate(values);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < type.fieldCount(); i++) {
      items.add(SqlText.quote(type.fieldNames().get(i)) + " AS " + SqlText.quote("f" + i));
    }
    return query("SELECT " + String.join(", ", items) + " FROM (" + values + ") AS "
        + SqlText.quote(nextAlias()));
  }

  private static String tuple(Object row) {
    if (row instanceof io.strom.types.Row r) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < r.getArity(); i++) {
        Object value = r.getField(i);
        values.add(value instanceof Expression e ? e.toSql(SqlScope.NONE) : SqlText.literal(value));
      }
      return "(" + String.join(", ", values) + ")";
    }
    String value = Expression.of(row).toSql(SqlScope.NONE);
    return value.startsWith("ROW(") ? value : "(" + value + ")";
  }

  /** Creates a table in the catalog from a descriptor; fails when the path exists. */
  public void createTable(String path, TableDescriptor descriptor) {
    session.execute(descriptor.toDdl("CREATE TABLE " + path));
  }

  /** Creates a temporary table (this environment's only) from a descriptor. */
  public void createTemporaryTable(String path, TableDescriptor descriptor) {
    session.execute(descriptor.toDdl("CREATE TEMPORARY TABLE " + path));
  }

  /** Registers {@code view} under {@code path}, for SQL and {@link #from}. */
  public void createTemporaryView(String path, Table view) {
    if (view.environment() != this) {
      throw new ValidationException("A table of another table environment cannot be registered here");
    }
    session.execute("CREATE TEMPORARY VIEW " + path + " AS " + view.sql());
  }

  public boolean dropTemporaryTable(String path) {
    return drop("DROP TEMPORARY TABLE IF EXISTS " + path, path);
  }

  public boolean dropTemporaryView(String path) {
    return drop("DROP TEMPORARY VIEW IF EXISTS " + path, path);
  }

  private boolean drop(String statement, String path) {
    boolean existed = session.catalogs().resolve(List.of(path.split("\\."))).isPresent();
    session.execute(statement);
    return existed;
  }

  /** Tables and views of the current database, temporary ones included, sorted. */
  public String[] listTables() {
    return column("SHOW TABLES");
  }

  public String[] listViews() {
    return column("SHOW VIEWS");
  }

  public String[] listCatalogs() {
    return column("SHOW CATALOGS");
  }

  public String[] listDatabases() {
    return column("SHOW DATABASES");
  }

  /** Every function, built-in and user-defined. */
  public String[] listFunctions() {
    return column("SHOW FUNCTIONS");
  }

  public String[] listUserDefinedFunctions() {
    return session.functions().userFunctionNames().toArray(new String[0]);
  }

  private String[] column(String show) {
    List<String> values = new ArrayList<>();
    for (Row row : session.execute(show).rows()) {
      values.add(row.getString(0).toString());
    }
    return values.toArray(new String[0]);
  }

  public void useCatalog(String catalog) {
    session.execute("USE CATALOG " + SqlText.quote(catalog));
  }

  public void useDatabase(String database) {
    session.execute("USE " + SqlText.quote(database));
  }

  // ---- functions

  /** Registers a function class under {@code name}, as {@code CREATE TEMPORARY SYSTEM FUNCTION}. */
  public void createTemporarySystemFunction(String name, Class<? extends UserDefinedFunction> function) {
    session.execute("CREATE TEMPORARY SYSTEM FUNCTION " + SqlText.quote(name) + " AS "
        + SqlText.string(function.getName()));
  }

  /**
   * Registers a scalar, table or aggregate function instance: the instance, as constructed, is
   * what runs (a copy in each parallel task).
   */
  public void createTemporarySystemFunction(String name, UserDefinedFunction function) {
    session.functions().createTemporarySystemFunction(name, function);
  }

  /** The same as {@link #createTemporarySystemFunction(String, Class)}. */
  public void createTemporaryFunction(String name, Class<? extends UserDefinedFunction> function) {
    createTemporarySystemFunction(name, function);
  }

  public boolean dropTemporarySystemFunction(String name) {
    boolean existed = session.functions().userFunctionNames().stream().anyMatch(name::equalsIgnoreCase);
    session.execute("DROP TEMPORARY SYSTEM FUNCTION IF EXISTS " + SqlText.quote(name));
    return existed;
  }

  /** Inserts into several tables as one job; see {@link StatementSet}. */
  public StatementSet createStatementSet() {
    return new StatementSet(this);
  }

  /** Stops the queries this environment started and its embedded cluster. */
  @Override
  public void close() throws Exception {
    session.close();
  }

  // ---- what tables use

  /** A table for a query written by a table operation, validated now. */
  protected Table query(String sql) {
    return query(sql, false);
  }

  Table query(String sql, boolean ordered) {
    return new Table(this, sql, validate(sql), ordered);
  }

  /** A fresh alias for a derived table. */
  String nextAlias() {
    return "$t" + (++aliases);
  }

  /**
   * The name under which {@code table} is registered as a temporary view, registering it the first
   * time: how a table appears inside SQL text and window functions.
   */
  String registerUnnamed(Table table) {
    return unnamedNames.computeIfAbsent(table, t -> {
      String name = nextUnnamedTable();
      session.execute("CREATE TEMPORARY VIEW " + name + " AS " + t.sql());
      return name;
    });
  }

  /**
   * Validates a query the Table API wrote. Positions in messages would point into SQL the user
   * never wrote, so they are left out.
   */
  private RowType validate(String sql) {
    try {
      return session.queryType(sql);
    } catch (ValidationException e) {
      throw new ValidationException(e.reason(), e);
    } catch (SqlParseError e) {
      throw new ValidationException("Invalid expression: " + e.getMessage() + " (in: " + sql + ")", e);
    }
  }
}
