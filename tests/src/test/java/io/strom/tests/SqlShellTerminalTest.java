package io.strom.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives {@code bin/strom-sql} as a person would: in a real pseudo-terminal (made by {@code
 * script}), typing statements at the prompt and reading what the screen shows.
 */
class SqlShellTerminalTest {
  private static final Path HOME = Paths.get("..").toAbsolutePath().normalize();

  private Process shell;
  private ShellScreen screen;

  @BeforeEach
  void start() throws IOException {
    Path history = Files.createTempDirectory("shell-home");
    ProcessBuilder builder =
        new ProcessBuilder(
            "script",
            "-q",
            "-e",
            "-f",
            "-c",
            // A terminal made by script has no size until one is set; JLine needs a width.
            "stty cols 160 rows 50; exec " + HOME.resolve("bin/strom-sql"),
            "/dev/null");
    builder.environment().put("HOME", history.toString());
    builder.environment().put("TERM", "xterm");
    builder.redirectErrorStream(true);
    shell = builder.start();
    screen = new ShellScreen(shell);
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (shell.isAlive()) {
      shell.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }






  @Test
  void runsStatementsTypedAtThePromptAndShowsResultsAndErrors() throws Exception {
    screen.waitFor("Strom SQL>", 1);
    // Rows printed as lines; the default full-screen table is tested in the sql-client module.
    screen.type("SET 'sql-client.execution.result-mode' = 'tableau';");
    screen.waitFor("[INFO] Execute statement succeeded.", 1);
    screen.type("CREATE TABLE numbers (id BIGINT) WITH ('connector' = 'datagen',");
    screen.type("  'number-of-rows' = '3', 'fields.id.kind' = 'sequence',");
    screen.type("  'fields.id.start' = '1', 'fields.id.end' = '3');");
    screen.waitFor("[INFO] Execute statement succeeded.", 2);
    screen.type("SELECT id * 10 AS tens FROM numbers;");
    screen.waitFor("3 rows in set", 1);
    screen.type("SELECT nope FROM numbers;");
    screen.waitFor("[ERROR] Could not execute SQL statement. Reason:", 1);

    // An endless query shows rows as they come until Ctrl-C stops it.
    screen.type("CREATE TABLE ticks (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');");
    screen.waitFor("[INFO] Execute statement succeeded.", 3);
    screen.type("SELECT id FROM ticks;");
    screen.waitFor("| +I |", 8);
    screen.interrupt();
    screen.waitFor("Query terminated, received a total of", 1);
    screen.type("SHOW TABLES;");
    screen.waitFor("2 rows in set", 1);
    screen.type("QUIT;");
    assertThat(shell.waitFor(30, TimeUnit.SECONDS)).as("the shell exits on QUIT").isTrue();

    String shown = screen.text();
    assertThat(shown)
        .contains("| op |")
        .contains("tens |")
        .containsPattern("\\| \\+I \\| +10 \\|")
        .containsPattern("\\| \\+I \\| +30 \\|")
        .contains("Column 'nope' not found")
        .doesNotContain("\tat ");
    assertThat(shell.exitValue()).isZero();
  }
}
