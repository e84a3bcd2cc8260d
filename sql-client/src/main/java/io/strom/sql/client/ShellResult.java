package io.strom.sql.client;

import io.strom.planner.print.ResultRows;
import io.strom.planner.print.RowCells;
import io.strom.planner.print.TableauPrinter;
import io.strom.data.Row;
import io.strom.planner.session.RowStream;
import io.strom.planner.session.StatementResult;
import io.strom.types.RowType;
import java.time.Duration;
import java.util.List;

/**
 * What a statement gave, as the shell shows it: a plain success, a table of rows, or the rows of
 * a running query ({@link #stream()}), from a session in this JVM or one on a gateway.
 */
record ShellResult(StatementResult.Kind kind, RowType schema, List<Row> rows, ResultRows stream) {

  static ShellResult of(StatementResult result) {
    RowStream stream = result.stream();
    return new ShellResult(
        result.kind(), result.schema(), result.rows(), stream == null ? null : new Local(stream));
  }

  /** A query of a session in this JVM. */
  private record Local(RowStream stream) implements ResultRows {
    @Override
    public Row poll(Duration timeout) throws InterruptedException {
      return stream.poll(timeout);
    }

    @Override
    public boolean isFinished() {
      return stream.isFinished();
    }

    @Override
    public void close() {
      stream.close();
    }
  }
}
