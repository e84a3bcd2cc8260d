package io.strom.planner.session;

import static java.util.Objects.requireNonNull;

import io.strom.data.Row;
import io.strom.types.RowType;
import java.util.List;

/**
 * What running a statement gave: a plain success (DDL, SET), or a table of rows (SHOW, DESCRIBE,
 * a bounded query).
 *
 * @param kind whether there are rows to show
 * @param schema the columns of the rows (an empty row type for a plain success)
 * @param rows the rows, in order
 */
public record StatementResult(Kind kind, RowType schema, List<Row> rows) {
  public StatementResult {
    requireNonNull(kind, "kind");
    requireNonNull(schema, "schema");
    rows = List.copyOf(rows);
  }

  /** Whether a statement returns rows. */
  public enum Kind {
    /** Done; nothing to show (the shell prints that the statement succeeded). */
    SUCCESS,
    /** Rows to show. */
    SUCCESS_WITH_CONTENT
  }

  public static StatementResult ok() {
    return new StatementResult(Kind.SUCCESS, io.strom.types.DataTypes.ROW(), List.of());
  }

  public static StatementResult table(RowType schema, List<Row> rows) {
    return new StatementResult(Kind.SUCCESS_WITH_CONTENT, schema, rows);
  }
}
