package io.strom.sql.client;

import io.strom.planner.print.ResultRows;
import io.strom.planner.print.RowCells;
import io.strom.planner.print.TableauPrinter;
import io.strom.data.Row;
import io.strom.planner.ValidationException;
import io.strom.planner.session.JobFailedException;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import io.strom.sql.client.SqlClientOptions.ResultMode;
import io.strom.sql.parser.SqlParseError;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.terminal.Terminal;

/**
 * Runs statements for the shell and shows their outcome: results as tables (live, as a changelog,
 * or printed, per {@code sql-client.execution.result-mode}), successes as an info line, errors as
 * a message with the statement's position marked (a stack trace only in verbose mode).
 *
 * <p>Statements run on the shell's thread; {@link #cancel()} comes from the Ctrl-C handler's.
 */
final class CliSession {
  private static final Pattern DESCRIBE_JOB =
      Pattern.compile("(?is)\\s*DESCRIBE\\s+JOB\\s+'([^']*)'\\s*;?\\s*");

  private final ShellBackend session;
  private final PrintWriter out;
  /** The terminal of an interactive shell; null when running a script. */
  private final Terminal terminal;
  private final ProgressLine progress;
  private volatile boolean cancelRequested;
  private volatile boolean showingRows;
  private volatile Thread executing;
  private long statementStart;

  /** A session in this JVM that prints results as lines (scripts, tests). */
  CliSession(SqlSession session, PrintWriter out) {
    this(new LocalBackend(session, io.strom.planner.config.KnownOptions.of(SqlClientOptions.class)), out, null);
  }

  /**
   * @param terminal the terminal of an interactive shell, which shows live results; null to print
   *     results as lines
   */
  CliSession(ShellBackend session, PrintWriter out, Terminal terminal) {
    this.session = session;
    this.out = out;
    this.terminal = terminal;
    this.progress = terminal == null ? null : new ProgressLine(out);
  }

  /** What the shell should do after a statement. */
  enum Outcome {
    CONTINUE,
    FAILED,
    QUIT
  }

  /**
   * Runs every statement of a script (one or more, separated by semicolons), stopping at an error
   * or at QUIT.
   */
  Outcome runScript(String script) {
    for (ScriptParts.Part part : ScriptParts.of(script)) {
      Outcome outcome = part.command() != null ? runCommand(part.command()) : runSql(part.sql());
      if (outcome != Outcome.CONTINUE) {
        return outcome;
      }
    }
    return Outcome.CONTINUE;
  }

  /** One of the shell's own commands ({@link ScriptParts}). */
  private Outcome runCommand(String command) {
    if (ScriptParts.is(command, "QUIT") || ScriptParts.is(command, "EXIT")) {
      return Outcome.QUIT;
    }
    if (ScriptParts.is(command, "HELP")) {
      out.println(HELP);
      out.flush();
      return Outcome.CONTINUE;
    }
    if (ScriptParts.is(command, "CLEAR")) {
      out.print("\033[H\033[2J");
      out.flush();
      return Outcome.CONTINUE;
    }
    return runSql(command);
  }

  private Outcome runSql(String script) {
    cancelRequested = false;
    executing = Thread.currentThread();
    statementStart = System.nanoTime();
    if (progress != null) {
      progress.start();
    }
    try {
      Matcher describeJob = DESCRIBE_JOB.matcher(script);
      if (describeJob.matches()) {
        print(describeJob(describeJob.group(1)));
      } else {
        session.executeScript(script, this::print);
      }
      return Outcome.CONTINUE;
    } catch (SqlParseError | ValidationException | JobFailedException e) {
      if (cancelRequested) {
        // On a gateway the cancelled statement comes back as the server's error.
        return cancelled();
      }
      error(script, e.getMessage(), e);
      return Outcome.FAILED;
    } catch (RuntimeException | LinkageError | AssertionError e) {
      if (cancelRequested) {
        return cancelled();
      }
      // The shell outlives any one statement, even one that hits a bug.
      error(
          script,
          "An unexpected error occurred; this is a bug in Strom. Set '"
              + SqlClientOptions.VERBOSE.key() + "' = 'true' to see the details.\n" + e,
          e);
      return Outcome.FAILED;
    } finally {
      executing = null;
      if (progress != null) {
        progress.stop();
      }
      // A Ctrl-C that came as the statement ended must not hit the next prompt.
      Thread.interrupted();
      out.flush();
    }
  }

  private Outcome cancelled() {
    out.println("[INFO] Statement cancelled.");
    out.println();
    return Outcome.FAILED;
  }

  /**
   * Cancels what runs (the shell calls this on Ctrl-C): leaves the result being shown, which stops
   * its query, or interrupts the statement still working (a bounded INSERT), which cancels its job.
   */
  void cancel() {
    cancelRequested = true;
    Thread thread = executing;
    if (thread != null && !showingRows) {
      thread.interrupt();
      session.cancelRunning();
    }
  }

  private ShellResult describeJob(String id) {
    ShellResult jobs = session.execute("SHOW JOBS");
    List<Row> matching =
        jobs.rows().stream().filter(row -> row.getString(0).toString().equals(id)).toList();
    if (matching.isEmpty()) {
      throw new ValidationException(
          "No running job with id '" + id + "'; SHOW JOBS lists the running ones");
    }
    return new ShellResult(StatementResult.Kind.SUCCESS_WITH_CONTENT, jobs.schema(), matching, null);
  }

  private void print(ShellResult result) {
    if (progress != null) {
      progress.stop();
    }
    if (result.kind() == StatementResult.Kind.SUCCESS) {
      out.println("[INFO] Execute statement succeeded.");
    } else if (result.kind() == StatementResult.Kind.STREAMING) {
      showingRows = true;
      try (ResultRows stream = result.stream()) {
        ResultMode mode = terminal == null ? ResultMode.TABLEAU : setting(SqlClientOptions.RESULT_MODE, ResultMode.TABLE);
        if (mode == ResultMode.TABLEAU) {
          printStreaming(result);
        } else {
          showLive(result, mode == ResultMode.CHANGELOG);
        }
      } finally {
        showingRows = false;
      }
    } else {
      TableauPrinter.print(result.schema(), result.rows(), out);
    }
    out.println();
    out.flush();
    statementStart = System.nanoTime();
  }

  private void printStreaming(ShellResult result) {
    try {
      long rows = TableauPrinter.printStreaming(result.schema(), result.stream(), out, () -> cancelRequested);
      String seconds = seconds();
      if (cancelRequested) {
        out.println("Query terminated, received a total of " + rows + (rows == 1 ? " row" : " rows") + seconds);
      } else {
        out.println(rows + (rows == 1 ? " row" : " rows") + " in set" + seconds);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("Query terminated" + seconds());
    }
  }

  private void showLive(ShellResult result, boolean changelog) {
    LiveResultView view =
        new LiveResultView(
            terminal,
            result,
            changelog,
            setting(SqlClientOptions.MAX_TABLE_RESULT_ROWS, 1_000_000),
            setting(SqlClientOptions.DISPLAY_MAX_COLUMN_WIDTH, 30));
    try {
      LiveResultView.Summary summary = view.show(() -> cancelRequested);
      if (summary.failure() != null) {
        throw summary.failure();
      }
      out.println(
          (summary.finished() ? "Query finished: " : "Query stopped: ")
              + summary.rows() + (summary.rows() == 1 ? " row" : " rows") + " in the result, "
              + summary.changes() + (summary.changes() == 1 ? " change" : " changes") + " received"
              + seconds());
    } catch (IOException e) {
      throw new IllegalStateException("The terminal failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("Query stopped" + seconds());
    }
  }

  private String seconds() {
    double elapsed = (System.nanoTime() - statementStart) / 1e9;
    return String.format(Locale.ROOT, " (%.2f seconds)", elapsed);
  }

  private void error(String script, String message, Throwable e) {
    out.println("[ERROR] Could not execute SQL statement. Reason:");
    out.println(message);
    for (String line : ErrorMarker.mark(script, e)) {
      out.println(line);
    }
    if (setting(SqlClientOptions.VERBOSE, false)) {
      e.printStackTrace(out);
    }
    out.println();
  }

  /** A shell setting; a bad value counts as the default (SET already refused bad values). */
  private <T> T setting(io.strom.configuration.ConfigOption<T> option, T fallback) {
    try {
      return session.settings().get(option);
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }

  static final String HELP =
      String.join(
          "\n",
          "Statements end with a semicolon and may span lines. Tab completes keywords, tables,",
          "columns, functions and option keys. Besides Flink's SQL statements:",
          "  HELP;                    this text",
          "  CLEAR;                   clear the screen",
          "  QUIT;                    leave (also EXIT; or Ctrl-D)",
          "  SHOW JOBS;               the jobs of this session",
          "  DESCRIBE JOB '<id>';     one job",
          "  STOP JOB '<id>';         cancel a job",
          "  ADD JAR '<path>';        add a jar of functions or connectors (SHOW JARS; lists them)",
          "  SET 'key' = 'value';     change a setting; SET; lists them, RESET 'key'; undoes",
          "Query results (SET 'sql-client.execution.result-mode' = ...):",
          "  'table'      a live table, updated in place (Q leaves, N/P page, +/- refresh rate)",
          "  'changelog'  the changes as they come, with their kinds (+I, -U, +U, -D)",
          "  'tableau'    rows printed as they come, then a summary",
          "Ctrl-C cancels a running statement or query, or clears the statement being typed.",
          "SET 'sql-client.verbose' = 'true'; shows error details.");
}
