package io.strom.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
  private OutputStream keyboard;
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

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
    keyboard = shell.getOutputStream();
    Thread reader = new Thread(() -> copy(shell.getInputStream()), "shell-screen");
    reader.setDaemon(true);
    reader.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (shell.isAlive()) {
      shell.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private void copy(InputStream in) {
    byte[] buffer = new byte[4096];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        synchronized (screen) {
          screen.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // The shell ended; what it printed is in the screen buffer.
    }
  }

  private String screen() {
    synchronized (screen) {
      return screen.toString(StandardCharsets.UTF_8);
    }
  }

  private void waitForScreen(String text, int occurrences) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (count(screen(), text) < occurrences) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The shell never showed '" + text + "'. Screen:\n" + screen());
      }
      Thread.sleep(20);
    }
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private void type(String line) throws IOException {
    keyboard.write((line + "\r").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  @Test
  void runsStatementsTypedAtThePromptAndShowsResultsAndErrors() throws Exception {
    waitForScreen("Strom SQL>", 1);
    // Rows printed as lines; the default full-screen table is tested in the sql-client module.
    type("SET 'sql-client.execution.result-mode' = 'tableau';");
    waitForScreen("[INFO] Execute statement succeeded.", 1);
    type("CREATE TABLE numbers (id BIGINT) WITH ('connector' = 'datagen',");
    type("  'number-of-rows' = '3', 'fields.id.kind' = 'sequence',");
    type("  'fields.id.start' = '1', 'fields.id.end' = '3');");
    waitForScreen("[INFO] Execute statement succeeded.", 2);
    type("SELECT id * 10 AS tens FROM numbers;");
    waitForScreen("3 rows in set", 1);
    type("SELECT nope FROM numbers;");
    waitForScreen("[ERROR] Could not execute SQL statement. Reason:", 1);

    // An endless query shows rows as they come until Ctrl-C stops it.
    type("CREATE TABLE ticks (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');");
    waitForScreen("[INFO] Execute statement succeeded.", 3);
    type("SELECT id FROM ticks;");
    waitForScreen("| +I |", 8);
    keyboard.write(3);
    keyboard.flush();
    waitForScreen("Query terminated, received a total of", 1);
    type("SHOW TABLES;");
    waitForScreen("2 rows in set", 1);
    type("QUIT;");
    assertThat(shell.waitFor(30, TimeUnit.SECONDS)).as("the shell exits on QUIT").isTrue();

    String shown = screen();
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
