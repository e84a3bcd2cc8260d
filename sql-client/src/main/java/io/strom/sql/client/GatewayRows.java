package io.strom.sql.client;

import io.strom.planner.print.ResultRows;
import io.strom.planner.print.RowCells;
import io.strom.planner.print.TableauPrinter;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.types.RowType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The rows of a query running on a gateway. {@code ResultSet.next()} blocks until the gateway has
 * a row, so a thread of its own reads the result set into a small queue the shell polls; closing
 * cancels the query on the gateway, which ends the reader.
 */
final class GatewayRows implements ResultRows {
  private final Statement statement;
  private final BlockingQueue<Row> rows = new ArrayBlockingQueue<>(1024);
  private final Thread reader;
  private volatile boolean done;
  private volatile RuntimeException failure;
  private volatile boolean closed;
  private long watermarkAskedAt = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
  private java.util.OptionalLong watermark = java.util.OptionalLong.empty();

  GatewayRows(Statement statement, ResultSet result, RowType schema) {
    this.statement = statement;
    this.reader = new Thread(() -> read(result, schema), "gateway-result-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read(ResultSet result, RowType schema) {
    try {
      while (!closed && result.next()) {
        RowKind kind = kind(result.getString(1));
        rows.put(GatewayBackend.row(result, kind, schema, 1));
      }
    } catch (InterruptedException e) {
      // Closed while waiting for room in the queue: the reader just ends.
    } catch (SQLException | RuntimeException e) {
      if (!closed) {
        failure = GatewayBackend.userError(e);
      }
    } finally {
      done = true;
    }
  }

  private static RowKind kind(String shortString) {
    for (RowKind kind : RowKind.values()) {
      if (kind.shortString().equals(shortString)) {
        return kind;
      }
    }
    throw new IllegalStateException("The gateway sent an unknown change kind: " + shortString);
  }

  @Override
  public Row poll(Duration timeout) throws InterruptedException {
    Row row = rows.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (row == null && failure != null) {
      throw failure;
    }
    return row;
  }

  /**
   * Asks the gateway, at most once a second, how far the query's event time has come (a side
   * statement, as a cancel is sent); between asks the last answer stands.
   */
  @Override
  public java.util.OptionalLong watermark() {
    long now = System.nanoTime();
    if (now - watermarkAskedAt >= TimeUnit.SECONDS.toNanos(1) && !done && !closed) {
      watermarkAskedAt = now;
      try (Statement side = statement.getConnection().createStatement();
          ResultSet answer = side.executeQuery(
              "WATERMARK OF STATEMENT "
                  + statement.unwrap(org.apache.calcite.avatica.AvaticaStatement.class).getId())) {
        watermark = java.util.OptionalLong.empty();
        if (answer.next()) {
          long value = answer.getLong(1);
          if (!answer.wasNull()) {
            watermark = java.util.OptionalLong.of(value);
          }
        }
      } catch (SQLException | RuntimeException e) {
        // The status line does without it; the query's own errors come through its rows.
      }
    }
    return watermark;
  }

  @Override
  public boolean isFinished() {
    return done && rows.isEmpty();
  }

  @Override
  public void close() {
    closed = true;
    try {
      statement.cancel();
      statement.close();
    } catch (SQLException e) {
      // The gateway already ended the query (or the session); nothing is left to stop.
    }
    reader.interrupt();
  }
}
