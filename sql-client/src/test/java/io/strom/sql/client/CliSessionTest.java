package io.strom.sql.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.planner.session.SqlSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CliSessionTest {
  private final StringWriter output = new StringWriter();
  private final CliSession cli =
      new CliSession(new SqlSession(new Configuration()), new PrintWriter(output, true));

  @Test
  void printsEachResultAsItRunsAndStopsAtTheFirstError() {
    CliSession.Outcome outcome =
        cli.runScript(
            "CREATE TABLE t (a INT) WITH ('connector' = 'datagen');\n"
                + "SHOW TABLES;\n"
                + "DESCRIBE missing;\n"
                + "SHOW TABLES;");
    assertThat(outcome).isEqualTo(CliSession.Outcome.FAILED);
    assertThat(output.toString())
        .isEqualTo(
            String.join(
                "\n",
                "[INFO] Execute statement succeeded.",
                "",
                "+------------+",
                "| table name |",
                "+------------+",
                "|          t |",
                "+------------+",
                "1 row in set",
                "",
                "[ERROR] Could not execute SQL statement. Reason:",
                "At line 3, column 10: Table or view"
                    + " 'default_catalog.default_database.missing' does not exist",
                "DESCRIBE missing;",
                "         ^",
                "",
                ""));
  }

  @Test
  void scriptEndsAtQuitAndErrorsAfterACommandNameTheScriptsLine() {
    CliSession.Outcome outcome =
        cli.runScript(
            "CREATE TABLE t (a INT) WITH ('connector' = 'datagen');\n"
                + "-- the shell's own commands may stand between statements\n"
                + "HELP;\n"
                + "DESCRIBE missing;");
    assertThat(outcome).isEqualTo(CliSession.Outcome.FAILED);
    assertThat(output.toString())
        .contains("[INFO] Execute statement succeeded.")
        .contains("QUIT;                    leave")
        .contains("At line 4, column 10: Table or view");

    output.getBuffer().setLength(0);
    outcome = cli.runScript("SHOW TABLES;\nquit;\nDROP TABLE t;");
    assertThat(outcome).isEqualTo(CliSession.Outcome.QUIT);
    assertThat(output.toString()).contains("|          t |").doesNotContain("ERROR");
    cli.runScript("SHOW TABLES;");
    assertThat(output.toString()).contains("1 row in set"); // t was not dropped
  }

  @Test
  void boundedAggregationPrintsItsFinalTable() {
    cli.runScript(
        "CREATE TABLE n (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '5',"
            + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '5');\n"
            + "SELECT id % 2 AS odd, COUNT(*) AS c FROM n GROUP BY id % 2;");
    // Only the final count of each group is shown, not the updates that led to it.
    assertThat(output.toString())
        .contains("|   0 | 2 |")
        .contains("|   1 | 3 |")
        .contains("2 rows in set")
        .doesNotContain("|   1 | 1 |");
  }

  @Test
  void syntaxErrorsGiveLineAndColumnButNoStackTrace() {
    cli.runScript("CREATE TABLE t (a INT) WIHT ('connector' = 'datagen');");
    assertThat(output.toString())
        .contains("[ERROR] Could not execute SQL statement. Reason:")
        .contains("line 1, column 24")
        .contains("Did you mean \"WITH\"?")
        .doesNotContain("\tat ");
  }

  @Test
  void boundedQueryEndsWithRowCountAndTime() {
    SqlSession streaming = new SqlSession(new Configuration());
    streaming.setStreamQueryResults(true);
    CliSession shell = new CliSession(streaming, new PrintWriter(output, true));
    shell.runScript("SELECT * FROM (VALUES (1), (2), (3)) AS t(x);");
    assertThat(output.toString())
        .containsPattern("\\| \\+I \\| +3 \\|")
        .containsPattern("3 rows in set \\(\\d+\\.\\d\\d seconds\\)");
  }

  @Test
  void describeJobOfAnUnknownIdSaysSo() {
    cli.runScript("DESCRIBE JOB 'abc';");
    assertThat(output.toString()).contains("No running job with id 'abc'");
  }

  @Test
  void stopJobWithSavepointOfAnUnknownJobSaysSoWithoutATrace() {
    cli.runScript("STOP JOB 'abc' WITH SAVEPOINT;");
    assertThat(output.toString()).contains("No running job with id 'abc'").doesNotContain("\tat ");
  }

  @Test
  void verboseModeAddsTheStackTrace() {
    cli.runScript("SET 'sql-client.verbose' = 'true';");
    cli.runScript("DROP TABLE missing;");
    assertThat(output.toString()).contains("does not exist").contains("\tat ");
  }

  @Test
  void quitAndExitEndTheSession() {
    assertThat(cli.runScript("QUIT;")).isEqualTo(CliSession.Outcome.QUIT);
    assertThat(cli.runScript("exit")).isEqualTo(CliSession.Outcome.QUIT);
  }

  @Test
  void statementIsCompleteOnlyAtASemicolonOutsideStringsAndComments() {
    assertThat(StatementBuffer.endsWithTerminator("SELECT 1;")).isTrue();
    assertThat(StatementBuffer.endsWithTerminator("SELECT 1; -- done")).isTrue();
    assertThat(StatementBuffer.endsWithTerminator("SELECT ';")).isFalse();
    assertThat(StatementBuffer.endsWithTerminator("SELECT 1 /* ; */")).isFalse();
    assertThat(StatementBuffer.endsWithTerminator("SELECT `a;`")).isFalse();
    assertThat(StatementBuffer.endsWithTerminator("SELECT 1; SELECT")).isFalse();
  }

  @Test
  void statementSetTypedOverSeveralLinesIsCompleteOnlyAtEnd() {
    StatementBuffer buffer = new StatementBuffer();
    buffer.append("BEGIN STATEMENT SET;");
    assertThat(buffer.isComplete()).isFalse();
    buffer.append("INSERT INTO a SELECT * FROM b;");
    assertThat(buffer.isComplete()).isFalse();
    buffer.append("end;");
    assertThat(buffer.isComplete()).isTrue();

    StatementBuffer execute = new StatementBuffer();
    execute.append("EXECUTE STATEMENT SET BEGIN");
    execute.append("INSERT INTO a SELECT * FROM b;");
    assertThat(execute.isComplete()).isFalse();
    execute.append("END;");
    assertThat(execute.isComplete()).isTrue();
  }
}
