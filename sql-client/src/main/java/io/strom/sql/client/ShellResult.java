package io.strom.sql.client;

import io.strom.data.Row;
import io.strom.planner.print.ResultRows;
import io.strom.planner.session.StatementResult;
import io.strom.types.RowType;
import java.util.List;

/**
 * What a statement gave, as the shell shows it: a plain success, a table of rows, or the rows of
 * a running query ({@link #stream()}), from a session in this JVM or one on a gateway.
 */
record ShellResult(StatementResult.Kind kind, RowType schema, List<Row> rows, ResultRows stream) {

  /** The result of a statement of a session in this JVM. */
  static ShellResult of(StatementResult result) {
    return new ShellResult(result.kind(), result.schema(), result.rows(), result.stream());
  }
}
