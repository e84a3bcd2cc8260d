package io.strom.sql.client;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;

/** Settings of the SQL shell, with Flink's keys; {@code SET} changes them per session. */
public final class SqlClientOptions {
  private SqlClientOptions() {}

  /** How the shell shows the rows of a query. */
  public enum ResultMode {
    /** A full-screen table, kept up to date as the query's changes arrive. */
    TABLE,
    /** A full-screen list of the changes as they arrive, each with its change kind. */
    CHANGELOG,
    /** Rows printed as boxed lines as they arrive; the only mode for scripts. */
    TABLEAU
  }

  public static final ConfigOption<Boolean> VERBOSE =
      ConfigOptions.key("sql-client.verbose")
          .booleanType()
          .defaultValue(false)
          .withDescription("Show the stack trace of errors, not only their message.");

  public static final ConfigOption<ResultMode> RESULT_MODE =
      ConfigOptions.key("sql-client.execution.result-mode")
          .enumType(ResultMode.class)
          .defaultValue(ResultMode.TABLE)
          .withDescription(
              "How the interactive shell shows query results: 'table' (a live full-screen table),"
                  + " 'changelog' (the changes as they come) or 'tableau' (printed lines).");

  public static final ConfigOption<Integer> MAX_TABLE_RESULT_ROWS =
      ConfigOptions.key("sql-client.execution.max-table-result.rows")
          .intType()
          .defaultValue(1_000_000)
          .withDescription(
              "How many rows the table and changelog views keep; beyond it the oldest go first.");

  public static final ConfigOption<Integer> DISPLAY_MAX_COLUMN_WIDTH =
      ConfigOptions.key("sql-client.display.max-column-width")
          .intType()
          .defaultValue(30)
          .withDescription("The widest a column is shown; longer values end in '...'.");
}
