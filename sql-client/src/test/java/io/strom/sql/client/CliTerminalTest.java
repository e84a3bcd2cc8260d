package io.strom.sql.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell in a real terminal: what a person types, and what the screen then shows.
 */
@Timeout(300)
class CliTerminalTest {
  private static final String ORDERS =
      "CREATE TABLE purchases (id BIGINT, amount INT) WITH ('connector' = 'datagen',"
          + " 'number-of-rows' = '5', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
          + " 'fields.id.end' = '5');";

  @TempDir Path home;

  @Test
  void completesHighlightsMarksErrorsAndLeavesOnCtrlD() throws Exception {
    Path init = home.resolve("init.sql");
    Files.writeString(init, ORDERS + "\n");
    try (TerminalScreen screen = TerminalScreen.shell(home, "-i", init.toString())) {
      screen.waitForPrompt();

      // The init script's table is there, and completion knows it and its columns.
      screen.type("SELECT purchases.am");
      screen.press("Tab");
      screen.waitFor("SELECT purchases.amount");
      screen.press("C-u");
      screen.type("sel");
      screen.press("Tab");
      screen.waitFor("Strom SQL> select");
      screen.press("C-u");
      screen.type("SET 'table.exec.sink.not-n");
      screen.press("Tab");
      screen.waitFor("SET 'table.exec.sink.not-null-enforcer'");
      screen.press("C-u");
      screen.type("SELECT purch");
      screen.press("Tab");
      screen.waitFor("SELECT purchases");
      // Keywords are shown bold blue as they are typed; string literals green.
      screen.type("WHERE 'x'");
      screen.waitFor("SELECT purchases WHERE 'x'");
      assertThat(screen.styledText())
          .containsPattern("\u001b\\[1m\u001b\\[34mSELECT|\u001b\\[1;34mSELECT")
          .containsPattern("\u001b\\[32m'x'");
      screen.press("C-u");

      // An error shows the statement's line with a caret under the column named.
      screen.typeLine("SELECT id,");
      screen.waitFor("SELECT id,\n>");
      screen.typeLine("  nope FROM purchases;");
      String shown = screen.waitFor("[ERROR] Could not execute SQL statement.");
      assertThat(shown)
          .contains("At line 2, column 3: Column 'nope' not found")
          .contains("  nope FROM purchases;\n  ^\n")
          .doesNotContain("\tat ");

      screen.typeLine("HELP;");
      screen.waitFor("'changelog'  the changes as they come");
      screen.waitFor("Strom SQL>", 3);

      screen.waitForPrompt();
      screen.press("C-d");
      assertThat(screen.waitForExit()).isZero();
    }
  }
}
