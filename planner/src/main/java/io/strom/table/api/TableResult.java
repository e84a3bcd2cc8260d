package io.strom.table.api;

import io.strom.data.ExternalRows;
import io.strom.planner.print.TableauPrinter;
import io.strom.planner.session.RowStream;
import io.strom.planner.session.StatementResult;
import io.strom.types.Row;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.NoSuchElementException;

/**
 * What running a statement or a table gave: a plain success, rows (a bounded query's or a
 * statement's report), or the rows of a running query as they come, each with its change kind.
 * The rows can be read once, by {@link #collect()} or {@link #print()}.
 */
public final class TableResult {
  private final StatementResult result;
  private boolean consumed;

  TableResult(StatementResult result) {
    this.result = result;
  }

  public ResultKind getResultKind() {
    return result.kind() == StatementResult.Kind.SUCCESS
        ? ResultKind.SUCCESS
        : ResultKind.SUCCESS_WITH_CONTENT;
  }

  public ResolvedSchema getResolvedSchema() {
    return new ResolvedSchema(result.schema());
  }

  /** The id of the job running the query, when it runs as a job that was still running. */
  public java.util.Optional<String> getJobId() {
    return result.stream() == null ? java.util.Optional.empty() : java.util.Optional.of(result.stream().jobId());
  }

  /**
   * The rows, as they come, with their change kinds ({@code +I}, {@code -U}, {@code +U}, {@code
   * -D}) and field names. Closing the iterator cancels a query that is still running.
   */
  public CloseableRowIterator collect() {
    consume();
    if (result.stream() != null) {
      return new StreamIterator(result.stream());
    }
    java.util.Iterator<Row> rows = ExternalRows.toExternal(result.rows(), result.schema()).iterator();
    return new CloseableRowIterator() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        return rows.next();
      }

      @Override
      public void close() {}
    };
  }

  /**
   * Prints the result as a table to standard output: a running query's rows as they come, each
   * with its change kind, until it ends.
   */
  public void print() {
    consume();
    PrintWriter out = new PrintWriter(System.out, true);
    if (result.stream() == null) {
      TableauPrinter.print(result.schema(), result.rows(), out);
      return;
    }
    try (RowStream stream = result.stream()) {
      long rows = TableauPrinter.printStreaming(result.schema(), stream, out, () -> false);
      out.println(rows + (rows == 1 ? " row in set" : " rows in set"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.flush();
  }

  /** Waits until a running query has ended (for unbounded tables: until it is cancelled). */
  public void await() throws InterruptedException {
    if (result.stream() != null) {
      while (!result.stream().isFinished()) {
        Thread.sleep(50);
      }
    }
  }

  private void consume() {
    if (consumed) {
      throw new IllegalStateException("The rows of a result can be read only once");
    }
    consumed = true;
  }

  /** Reads a running query's rows, waiting for each. */
  private final class StreamIterator implements CloseableRowIterator {
    private final RowStream stream;
    private io.strom.data.Row next;

    StreamIterator(RowStream stream) {
      this.stream = stream;
    }

    @Override
    public boolean hasNext() {
      try {
        while (next == null) {
          next = stream.poll(Duration.ofMillis(100));
          if (next == null && stream.isFinished()) {
            return false;
          }
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the next row", e);
      }
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException("The query has ended");
      }
      Row row = ExternalRows.toExternal(next, result.schema());
      next = null;
      return row;
    }

    @Override
    public void close() {
      stream.close();
    }
  }
}
