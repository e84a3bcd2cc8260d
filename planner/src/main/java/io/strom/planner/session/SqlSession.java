package io.strom.planner.session;

import io.strom.configuration.Configuration;
import io.strom.planner.calcite.PlannerTypes;
import io.strom.planner.catalog.CatalogManager;
import io.strom.planner.catalog.FunctionCatalog;
import io.strom.planner.config.KnownOptions;
import io.strom.planner.ValidationException;
import io.strom.planner.calcite.PlannerContext;
import io.strom.planner.catalog.ObjectIdentifier;
import io.strom.planner.plan.translate.JobBuilder;
import io.strom.planner.plan.translate.ProgramSource;
import io.strom.types.RowType;
import io.strom.planner.operations.OperationConverter;
import io.strom.sql.parser.StromSqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.calcite.sql.SqlNode;

/**
 * A SQL session: its catalogs, its settings ({@code SET}), and the execution of statements.
 * Statements run one at a time; a session is not shared between threads.
 */
public final class SqlSession implements AutoCloseable {
  private final Configuration defaults;
  private final Configuration settings;
  private final CatalogManager catalogs = new CatalogManager();
  private final StromSqlParser parser = new StromSqlParser();
  private final PlannerTypes types = new PlannerTypes();
  private final FunctionCatalog functions = new FunctionCatalog();
  private final OperationConverter converter = new OperationConverter(catalogs, types, functions);
  private final OperationExecutor executor;
  private final QueryExecutor queries;
  private final SessionJars jars =
      new SessionJars(
          Thread.currentThread().getContextClassLoader() != null
              ? Thread.currentThread().getContextClassLoader()
              : SqlSession.class.getClassLoader());

  /** @param defaults the settings {@code RESET} returns to (usually the configuration file's) */
  public SqlSession(Configuration defaults) {
    this(defaults, KnownOptions.of());
  }

  /**
   * @param defaults the settings {@code RESET} returns to
   * @param knownOptions the options whose values {@code SET} checks
   */
  public SqlSession(Configuration defaults, KnownOptions knownOptions) {
    this(defaults, knownOptions, null);
  }

  /**
   * A session whose jobs run on a cluster it shares with other sessions (a server's): it lists and
   * stops only its own jobs, and closing it stops its queries but leaves the cluster running.
   *
   * @param sharedCluster the cluster to run jobs on, or null to start one for this session
   */
  public SqlSession(
      Configuration defaults, KnownOptions knownOptions, io.strom.runtime.cluster.MiniCluster sharedCluster) {
    this.defaults = new Configuration(defaults);
    this.settings = new Configuration(defaults);
    this.queries = new QueryExecutor(catalogs, types, functions, settings, sharedCluster);
    this.executor =
        new OperationExecutor(catalogs, functions, this.defaults, settings, knownOptions, queries);
  }

  /**
   * The session's functions, where a Java caller registers function instances (the Table API's
   * {@code createTemporarySystemFunction(name, instance)}).
   */
  public FunctionCatalog functions() {
    return functions;
  }

  public CatalogManager catalogs() {
    return catalogs;
  }

  /** The session's current settings. */
  public Configuration settings() {
    return settings;
  }

  /**
   * Whether queries hand on their rows as they come ({@link StatementResult.Kind#STREAMING}) even
   * over bounded tables, as a shell wants; by default a query over bounded tables returns all its
   * rows at once.
   */
  public void setStreamQueryResults(boolean stream) {
    executor.setStreamResults(stream);
  }

  /** Parses and runs one statement. */
  public StatementResult execute(String statement) {
    return execute(parser.parseStatement(statement));
  }

  /**
   * Parses a script of statements separated by semicolons and runs them in order, stopping at the
   * first that fails (whose exception propagates).
   */
  public List<StatementResult> executeScript(String script) {
    List<StatementResult> results = new ArrayList<>();
    executeScript(script, results::add);
    return results;
  }

  /**
   * Runs a script like {@link #executeScript(String)}, handing each result to {@code onResult} as
   * soon as its statement has run, so output before a failing statement is not lost.
   */
  public void executeScript(String script, Consumer<StatementResult> onResult) {
    for (SqlNode node : parser.parseScript(script)) {
      onResult.accept(execute(node));
    }
  }

  /**
   * The columns {@code query} would produce, with their types: validates it as {@link #execute}
   * would, without running it.
   */
  public RowType queryType(String query) {
    SqlNode node = parser.parseStatement(query);
    return withSessionClassLoader(() -> types.toRowType(
        new PlannerContext(catalogs, types, functions.operatorTable()).toRel(node).validatedRowType));
  }

  /**
   * Makes the table at {@code path} (created before, e.g. with CREATE TEMPORARY TABLE) read the
   * rows a program produces, as {@code fromDataStream} does.
   */
  public void registerProgramSource(String path, ProgramSource source) {
    queries.registerProgramSource(qualify(path), source);
  }

  /** The full identifier of a table path as SQL would write it ({@code t}, {@code db.t}, ...). */
  public ObjectIdentifier qualify(String path) {
    try {
      SqlNode name =
          org.apache.calcite.sql.parser.SqlParser.create(path, StromSqlParser.config()).parseExpression();
      if (name instanceof org.apache.calcite.sql.SqlIdentifier id) {
        return catalogs.qualify(id.names);
      }
    } catch (org.apache.calcite.sql.parser.SqlParseException e) {
      // Reported below.
    }
    throw new ValidationException("'" + path + "' is not a table path such as t, db.t or cat.db.t");
  }

  /**
   * Adds a query to a program's job and returns where its rows come out, as {@code toDataStream}
   * does; with {@code insertOnly}, a query that updates rows is refused.
   */
  public JobBuilder.Output translate(String query, JobBuilder job, boolean insertOnly) {
    SqlNode node = parser.parseStatement(query);
    return withSessionClassLoader(() -> queries.translate(node, job, insertOnly));
  }

  /** Stops the session's jobs and its embedded cluster. */
  @Override
  public void close() throws Exception {
    queries.close();
  }

  private StatementResult execute(SqlNode node) {
    if (node instanceof io.strom.sql.parser.stmt.SqlJar jar) {
      return jar.action() == io.strom.sql.parser.stmt.SqlJar.Action.ADD
          ? jars.add(jar.path())
          : jars.remove(jar.path());
    }
    if (node instanceof io.strom.sql.parser.dql.SqlShowList show
        && show.kind() == io.strom.sql.parser.dql.SqlShowList.Kind.JARS) {
      return jars.show();
    }
    return withSessionClassLoader(() -> executor.execute(converter.convert(node)));
  }

  /** Runs {@code work} so that functions, connectors and jobs find the session's added jars. */
  private <T> T withSessionClassLoader(java.util.function.Supplier<T> work) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(jars.classLoader());
    try {
      return work.get();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
