package io.strom.sql.gateway;

import io.strom.data.Row;
import io.strom.planner.session.Changelogs;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection's session on the gateway: its own catalogs and settings (a
 * {@link SqlSession} on the gateway's shared cluster), its statements and their results, and
 * when a request last touched it.
 *
 * <p>Statements of a session run one at a time (a session is not shared between threads);
 * fetching rows and cancelling do not wait for them.
 */
final class GatewaySession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewaySession.class);
  /** Sent by Strom's JDBC driver when a client calls {@code Statement.cancel()}. */
  private static final Pattern CANCEL = Pattern.compile("(?i)\\s*CANCEL\\s+STATEMENT\\s+(\\d+)\\s*;?\\s*");

  /**
   * Sent by the shell for its status line: the event time a running query's result has reached,
   * one row with one BIGINT column {@code watermark} (NULL when there is none yet).
   */
  private static final Pattern WATERMARK =
      Pattern.compile("(?i)\\s*WATERMARK\\s+OF\\s+STATEMENT\\s+(\\d+)\\s*;?\\s*");

  private final String id;
  private final String user;
  private final SqlSession session;
  private final int maxOpenResults;
  private final Map<Integer, GatewayStatement> statements = new ConcurrentHashMap<>();
  private final AtomicInteger nextStatementId = new AtomicInteger();
  private final Object executing = new Object();
  private volatile long lastAccessNanos = System.nanoTime();
  /** Statements running now: a session waiting on a long statement is not idle. */
  private final AtomicInteger running = new AtomicInteger();
  private volatile boolean closed;

  GatewaySession(String id, String user, SqlSession session, int maxOpenResults) {
    this.id = id;
    this.user = user;
    this.session = session;
    this.maxOpenResults = maxOpenResults;
  }

  String id() {
    return id;
  }

  String user() {
    return user;
  }

  SqlSession sqlSession() {
    return session;
  }

  void touch() {
    lastAccessNanos = System.nanoTime();
  }

  long idleNanos() {
    return running.get() > 0 ? 0 : System.nanoTime() - lastAccessNanos;
  }

  GatewayStatement createStatement() {
    GatewayStatement statement = new GatewayStatement(nextStatementId.incrementAndGet());
    statements.put(statement.id(), statement);
    return statement;
  }

  /** @throws GatewayException when the client names a statement the session does not have */
  GatewayStatement statement(int statementId) {
    GatewayStatement statement = statements.get(statementId);
    if (statement == null) {
      throw new GatewayException(
          "Statement " + statementId + " does not exist in this session (closed, or the session"
              + " expired)");
    }
    return statement;
  }

  void closeStatement(int statementId) {
    GatewayStatement statement = statements.remove(statementId);
    if (statement != null) {
      statement.close();
    }
  }

  /**
   * Runs {@code sql} for {@code statement}; the statement then holds the result. Returns whether
   * the result has rows (a query, SHOW, ...) rather than being a plain success.
   */
  boolean execute(GatewayStatement statement, String sql) {
    Matcher cancel = CANCEL.matcher(sql);
    if (cancel.matches()) {
      // Not queued behind running statements: a cancel must get through while they run.
      statement(Integer.parseInt(cancel.group(1))).cancel();
      statement.complete(new ResultColumns(io.strom.types.DataTypes.ROW(), false), List.of());
      return false;
    }
    Matcher watermark = WATERMARK.matcher(sql);
    if (watermark.matches()) {
      // Like a cancel, answered at once while the statement's query runs.
      java.util.OptionalLong value = statement(Integer.parseInt(watermark.group(1))).watermark();
      statement.complete(
          new ResultColumns(
              io.strom.types.DataTypes.ROW(
                  io.strom.types.DataTypes.FIELD("watermark", io.strom.types.DataTypes.BIGINT())),
              false),
          List.<Object[]>of(new Object[] {value.isPresent() ? value.getAsLong() : null}));
      return true;
    }
    running.incrementAndGet();
    try {
      return run(statement, sql);
    } finally {
      running.decrementAndGet();
      touch();
    }
  }

  private boolean run(GatewayStatement statement, String sql) {
    synchronized (executing) {
      if (closed) {
        throw new GatewayException("The session has been closed");
      }
      StatementResult result;
      statement.executing();
      try {
        result = session.execute(stripTerminator(sql));
      } finally {
        statement.executed();
      }
      switch (result.kind()) {
        case SUCCESS -> {
          statement.complete(new ResultColumns(result.schema(), false), List.of());
          return false;
        }
        case SUCCESS_WITH_CONTENT -> {
          ResultColumns columns = new ResultColumns(result.schema(), false);
          List<Row> rows = result.rows();
          if (rows.stream().anyMatch(row -> row.kind() != io.strom.data.RowKind.INSERT)) {
            // A finished updating query (an aggregation) gives the table its changes leave.
            rows = Changelogs.materialize(rows, result.schema());
          }
          List<Object[]> values = new ArrayList<>(rows.size());
          rows.forEach(row -> values.add(columns.values(row)));
          statement.complete(columns, values);
          return true;
        }
        default -> {
          long running = statements.values().stream().filter(GatewayStatement::isRunning).count();
          if (running >= maxOpenResults) {
            result.stream().close();
            throw new GatewayException(
                "This session already has " + running + " running queries, the most '"
                    + GatewayOptions.MAX_OPEN_RESULTS.key() + "' allows; close a ResultSet or"
                    + " Statement first");
          }
          statement.running(new ResultColumns(result.schema(), true), result.stream());
          return true;
        }
      }
    }
  }

  private static String stripTerminator(String sql) {
    String trimmed = sql.strip();
    while (trimmed.endsWith(";")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
    }
    return trimmed;
  }

  /** Stops the session's queries and releases its catalogs; its table-writing jobs run on. */
  @Override
  public void close() {
    closed = true;
    for (GatewayStatement statement : statements.values()) {
      statement.cancel();
    }
    statements.clear();
    synchronized (executing) {
      try {
        session.close();
      } catch (Exception e) {
        LOG.warn("Closing session {} failed: {}", id, e.toString());
      }
    }
  }
}
