package io.strom.sql.gateway;

import io.strom.data.Row;
import io.strom.planner.session.JobFailedException;
import io.strom.planner.session.RowStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.Meta.Frame;

/**
 * A JDBC statement of a gateway session and its current result: rows already complete (a bounded
 * query, SHOW, DESCRIBE), or the rows of a running query, handed out frame by frame as they come.
 *
 * <p>Fetches come one at a time from the client reading the result; {@link #cancel()} may come
 * from any thread (another request, session expiry) and stops the query at once.
 */
final class GatewayStatement {
  /** The most rows one fetch returns, whatever the client asks, to keep responses small. */
  private static final int MAX_FRAME_ROWS = 1000;

  private final int id;
  private List<Object[]> rows = List.of();
  private RowStream stream;
  private ResultColumns columns;
  private long delivered;
  private volatile boolean cancelled;
  /** The thread running this statement's SQL while it runs (a bounded insert waits there). */
  private volatile Thread executing;

  GatewayStatement(int id) {
    this.id = id;
  }

  int id() {
    return id;
  }

  synchronized ResultColumns columns() {
    return columns;
  }

  /** Takes a complete result; ends a running one first. */
  synchronized void complete(ResultColumns columns, List<Object[]> rows) {
    closeStream();
    this.columns = columns;
    this.rows = List.copyOf(rows);
    this.delivered = 0;
    this.cancelled = false;
  }

  /** Takes the rows of a running query; ends a running one first. */
  synchronized void running(ResultColumns columns, RowStream stream) {
    closeStream();
    this.columns = columns;
    this.rows = List.of();
    this.stream = stream;
    this.delivered = 0;
    this.cancelled = false;
  }

  /** The event time this statement's running query has reached, if it has event time. */
  java.util.OptionalLong watermark() {
    RowStream current = stream;
    return current == null ? java.util.OptionalLong.empty() : current.watermark();
  }

  /** Whether a query of this statement still runs (it counts against the open-results limit). */
  boolean isRunning() {
    RowStream current = stream;
    return current != null && !cancelled && !current.isFinished();
  }

  /**
   * The next rows from {@code offset}: for a running query it waits up to {@code wait} for a first
   * row, then takes what has arrived; an empty frame that is not done tells the client to ask
   * again, so a client reading an endless query is never left without an answer for long.
   */
  synchronized Frame fetch(long offset, int maxRows, Duration wait) throws InterruptedException {
    int limit = maxRows <= 0 ? MAX_FRAME_ROWS : Math.min(maxRows, MAX_FRAME_ROWS);
    if (cancelled) {
      throw new GatewayException("The query was cancelled");
    }
    if (stream == null) {
      int from = (int) Math.min(Math.max(offset, 0), rows.size());
      int to = Math.min(rows.size(), from + limit);
      return new Frame(from, to == rows.size(), new ArrayList<>(rows.subList(from, to)));
    }
    List<Object> frame = new ArrayList<>();
    try {
      Row row = stream.poll(wait);
      while (row != null) {
        frame.add(columns.values(row));
        if (frame.size() >= limit) {
          break;
        }
        row = stream.poll(Duration.ZERO);
      }
    } catch (JobFailedException e) {
      throw new GatewayException(e.getMessage());
    }
    if (cancelled) {
      throw new GatewayException("The query was cancelled");
    }
    long start = delivered;
    delivered += frame.size();
    boolean done = frame.isEmpty() && stream.isFinished();
    return new Frame(start, done, frame);
  }

  /** Marks the calling thread as running this statement's SQL, until {@link #executed()}. */
  void executing() {
    executing = Thread.currentThread();
  }

  /**
   * The statement's SQL returned. Clears an interrupt a cancel may have left, so the server's
   * thread serves its next request undisturbed.
   */
  void executed() {
    executing = null;
    Thread.interrupted();
  }

  /**
   * Stops the running query (its job is cancelled); later fetches say it was cancelled. A
   * statement still waiting for its job (a bounded insert) is interrupted, which cancels the job.
   */
  void cancel() {
    cancelled = true;
    Thread thread = executing;
    if (thread != null) {
      thread.interrupt();
    }
    RowStream current = stream;
    if (current != null) {
      current.close();
    }
  }

  /** Ends the statement: stops its query and drops its rows. */
  synchronized void close() {
    cancel();
    rows = List.of();
    stream = null;
  }

  private void closeStream() {
    if (stream != null) {
      stream.close();
      stream = null;
    }
  }
}
