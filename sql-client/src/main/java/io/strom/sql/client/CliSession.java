package io.strom.sql.client;

import io.strom.planner.ValidationException;
import io.strom.planner.session.JobFailedException;
import io.strom.planner.session.RowStream;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import io.strom.sql.parser.SqlParseError;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Runs statements for the shell and prints their outcome: results as tables, successes as an info
 * line, errors as a message a person can act on (a stack trace only in verbose mode).
 */
final class CliSession {
  private final SqlSession session;
  private final PrintWriter out;
  private volatile boolean stopRequested;

  CliSession(SqlSession session, PrintWriter out) {
    this.session = session;
    this.out = out;
  }

  /** What the shell should do after a statement. */
  enum Outcome {
    CONTINUE,
    FAILED,
    QUIT
  }

  /** Runs every statement of a script (one or more, separated by semicolons), stopping at an error. */
  Outcome runScript(String script) {
    String trimmed = script.strip();
    String command = trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
    String upper = command.toUpperCase(Locale.ROOT);
    if (upper.equals("QUIT") || upper.equals("EXIT")) {
      return Outcome.QUIT;
    }
    if (upper.equals("HELP")) {
      out.println(HELP);
      out.flush();
      return Outcome.CONTINUE;
    }
    if (upper.equals("CLEAR")) {
      out.print("\033[H\033[2J");
      out.flush();
      return Outcome.CONTINUE;
    }
    try {
      session.executeScript(script, this::print);
      return Outcome.CONTINUE;
    } catch (SqlParseError | ValidationException | JobFailedException e) {
      error(e.getMessage(), e);
      return Outcome.FAILED;
    } catch (RuntimeException | LinkageError | AssertionError e) {
      // The shell outlives any one statement, even one that hits a bug.
      error(
          "An unexpected error occurred; this is a bug in Strom. Set '"
              + SqlClientOptions.VERBOSE.key() + "' = 'true' to see the details.\n" + e,
          e);
      return Outcome.FAILED;
    } finally {
      out.flush();
    }
  }

  /** Stops the query whose rows are being shown (the shell calls this on Ctrl-C). */
  void stopRunningQuery() {
    stopRequested = true;
  }

  private void print(StatementResult result) {
    if (result.kind() == StatementResult.Kind.SUCCESS) {
      out.println("[INFO] Execute statement succeeded.");
    } else if (result.kind() == StatementResult.Kind.STREAMING) {
      printStreaming(result);
    } else {
      TableauPrinter.print(result, out);
    }
    out.println();
  }

  private void printStreaming(StatementResult result) {
    stopRequested = false;
    try (RowStream stream = result.stream()) {
      long rows = TableauPrinter.printStreaming(result, out, () -> stopRequested);
      out.println(
          (stopRequested ? "Query terminated, received a total of " : "Received a total of ")
              + rows + (rows == 1 ? " row" : " rows"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("Query terminated");
    } finally {
      stopRequested = false;
    }
  }

  private void error(String message, Throwable e) {
    out.println("[ERROR] Could not execute SQL statement. Reason:");
    out.println(message);
    if (verbose()) {
      e.printStackTrace(out);
    }
    out.println();
  }

  private boolean verbose() {
    try {
      return session.settings().get(SqlClientOptions.VERBOSE);
    } catch (IllegalArgumentException e) {
      // A bad value is reported when the setting is used elsewhere; here it means "not verbose".
      return false;
    }
  }

  static final String HELP =
      String.join(
          "\n",
          "Statements end with a semicolon and may span lines. Besides SQL:",
          "  HELP;   this text",
          "  CLEAR;  clear the screen",
          "  QUIT;   leave (also EXIT; or Ctrl-D)",
          "Ctrl-C clears the statement being typed. SET 'sql-client.verbose' = 'true'; shows error"
              + " details.");
}
