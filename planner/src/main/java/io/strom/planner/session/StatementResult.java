package io.strom.planner.session;

import static java.util.Objects.requireNonNull;

import io.strom.data.Row;
import io.strom.types.RowType;
import java.util.List;

/**
 * What running a statement gave: a plain success (DDL, SET), a table of rows (SHOW, DESCRIBE,
 * a bounded query), or the rows of a running query as they come (a query over unbounded tables).
 *
 * @param kind what there is to show
 * @param schema the columns of the rows (an empty row type for a plain success)
 * @param rows the rows, in order (empty for a streaming result)
 * @param stream the running query's rows, for a streaming result; else null
 */
public record StatementResult(Kind kind, RowType schema, List<Row> rows, RowStream stream) {
  public StatementResult {
    requireNonNull(kind, "kind");
    requireNonNull(schema, "schema");
    rows = List.copyOf(rows);
    if ((kind == Kind.STREAMING) != (stream != null)) {
      throw new IllegalArgumentException("A streaming result, and only that, has a stream");
    }
  }

  /** Whether a statement returns rows. */
  public enum Kind {
    /** Done; nothing to show (the shell prints that the statement succeeded). */
    SUCCESS,
    /** Rows to show. */
    SUCCESS_WITH_CONTENT,
    /** Rows of a running query, to show as they come; close the stream to stop it. */
    STREAMING
  }

  public static StatementResult ok() {
    return new StatementResult(Kind.SUCCESS, io.strom.types.DataTypes.ROW(), List.of(), null);
  }

  public static StatementResult table(RowType schema, List<Row> rows) {
    return new StatementResult(Kind.SUCCESS_WITH_CONTENT, schema, rows, null);
  }

  public static StatementResult streaming(RowType schema, RowStream stream) {
    return new StatementResult(Kind.STREAMING, schema, List.of(), requireNonNull(stream, "stream"));
  }
}
