package io.strom.sql.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Query results in the shell's three modes, and cancelling, as the terminal shows them. */
@Timeout(300)
class CliResultModesTerminalTest {
  private static final String NUMBERS =
      "CREATE TABLE numbers (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '6',"
          + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '6');";
  private static final String PARITY =
      "SELECT id % 2 AS parity, COUNT(*) AS c FROM numbers GROUP BY id % 2;";

  @TempDir Path home;

  @Test
  void tableChangelogAndTableauModesShowAnUpdatingResult() throws Exception {
    try (TerminalScreen screen = TerminalScreen.shell(home)) {
      screen.waitForPrompt();
      screen.typeLine(NUMBERS);
      screen.waitFor("[INFO] Execute statement succeeded.");

      // Table mode (the default): the counts are updated in place, so only final rows remain.
      screen.typeLine(PARITY);
      String table = screen.waitForVisible("Finished");
      assertThat(table)
          .contains("Query Result (Table)")
          .contains("Rows: 2")
          .containsPattern(" +parity +c\n +1 +3\n +0 +3\n")
          .doesNotContainPattern(" +1 +1\n");
      screen.press("q");
      screen.waitFor("Query finished: 2 rows in the result");

      // Changelog mode: every change with its kind.
      screen.typeLine("SET 'sql-client.execution.result-mode' = 'changelog';");
      screen.waitFor("[INFO] Execute statement succeeded.", 2);
      screen.typeLine(PARITY);
      String changelog = screen.waitForVisible("Finished");
      assertThat(changelog)
          .contains("Query Result (Changelog)")
          .containsPattern("\\+I +1 +1\n")
          .containsPattern("-U +1 +1\n")
          .containsPattern("\\+U +1 +2\n")
          .containsPattern("\\+U +0 +3\n");
      screen.press("q");
      screen.waitFor("Query finished:", 2);

      // Tableau mode: printed rows, then a count and the time taken.
      screen.typeLine("SET 'sql-client.execution.result-mode' = 'tableau';");
      screen.waitFor("[INFO] Execute statement succeeded.", 3);
      screen.typeLine("SELECT id FROM numbers WHERE id > 2;");
      String tableau = screen.waitFor(" rows in set (");
      assertThat(tableau).containsPattern("\\| \\+I \\| +6 \\|").containsPattern("4 rows in set \\(\\d+\\.\\d\\d seconds\\)");
      screen.typeLine("QUIT;");
      assertThat(screen.waitForExit()).isZero();
    }
  }

  @Test
  void ctrlCStopsAStreamingQueryAndABoundedInsertAndLeavesNoJob() throws Exception {
    try (TerminalScreen screen = TerminalScreen.shell(home)) {
      screen.waitForPrompt();
      screen.typeLine(
          "CREATE TABLE ticks (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '50');");
      screen.waitFor("[INFO] Execute statement succeeded.");
      screen.typeLine("SELECT id FROM ticks;");
      screen.waitForVisible("Running (");
      screen.waitForVisible("Rows: 1");
      screen.press("C-c");
      screen.waitFor("Query stopped:");

      // A bounded insert that takes long shows that it runs; Ctrl-C cancels it.
      screen.typeLine(
          "CREATE TABLE slow (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '100000',"
              + " 'rows-per-second' = '100');");
      screen.waitFor("[INFO] Execute statement succeeded.", 2);
      screen.typeLine("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');");
      screen.waitFor("[INFO] Execute statement succeeded.", 3);
      screen.typeLine("INSERT INTO sink SELECT id FROM slow;");
      screen.waitFor("[Running for ");
      screen.press("C-c");
      screen.waitFor("[INFO] Statement cancelled.");
      screen.typeLine("SHOW JOBS;");
      String shown = screen.waitFor("Empty set");
      assertThat(shown).doesNotContain("\tat ").doesNotContain("this is a bug");
    }
  }

  @Test
  void theLiveViewShowsHowFarEventTimeHasCome() throws Exception {
    try (TerminalScreen screen = TerminalScreen.shell(home)) {
      screen.waitForPrompt();
      screen.typeLine(
          "CREATE TABLE clicks (id BIGINT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts - INTERVAL"
              + " '5' SECOND) WITH ('connector' = 'datagen', 'rows-per-second' = '20',"
              + " 'fields.ts.max-past' = '0');");
      screen.waitFor("[INFO] Execute statement succeeded.");
      screen.typeLine("SELECT id, ts FROM clicks;");
      String shown = screen.waitForVisible("s behind)");
      assertThat(shown).containsPattern("Watermark: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\(\\d+\\.\\d s behind\\)");
      screen.press("C-c");
      screen.waitFor("Query stopped:");
    }
  }

  @Test
  void lagsReadInTheirLargestUnit() {
    assertThat(LiveResultView.lag(3_250)).isEqualTo("3.3 s behind");
    assertThat(LiveResultView.lag(125_000)).isEqualTo("2 min behind");
    assertThat(LiveResultView.lag(3 * 86_400_000L)).isEqualTo("3 d behind");
    assertThat(LiveResultView.lag(-5)).isEqualTo("ahead of the clock");
  }

  @Test
  void historyIsKeptInAFileAcrossSessions() throws Exception {
    Path history = home.resolve("my-history");
    try (TerminalScreen screen = TerminalScreen.shell(home, "--history", history.toString())) {
      screen.waitForPrompt();
      screen.typeLine("SHOW CATALOGS;");
      screen.waitFor("1 row in set");
      screen.waitForPrompt();
      screen.press("C-d");
      assertThat(screen.waitForExit()).isZero();
    }
    assertThat(Files.readString(history)).contains("SHOW CATALOGS;");
    try (TerminalScreen screen = TerminalScreen.shell(home, "--history", history.toString())) {
      screen.waitForPrompt();
      screen.press("Up");
      screen.waitFor("Strom SQL> SHOW CATALOGS;");
    }
  }
}
