package io.strom.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code bin/strom-gateway} as a server process and {@code bin/strom-sql --gateway} in a real
 * pseudo-terminal (made by {@code script}), typed into as a person would.
 */
@Timeout(240)
class SqlShellOnGatewayTerminalTest {
  private static final Path HOME = Paths.get("..").toAbsolutePath().normalize();

  private Process gateway;
  private Process shell;
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

  @AfterEach
  void stop() throws InterruptedException {
    for (Process process : new Process[] {shell, gateway}) {
      if (process != null && process.isAlive()) {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  @Test
  void shellRunsStatementsOnTheGateway() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path logs = Files.createTempDirectory("gateway");
    gateway =
        new ProcessBuilder(HOME.resolve("bin/strom-gateway").toString(), "-p", Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve("gateway.log").toFile())
            .start();
    waitForPort(port, logs.resolve("gateway.log"));

    Path home = Files.createTempDirectory("shell-home");
    ProcessBuilder builder =
        new ProcessBuilder(
            "script", "-q", "-e", "-f", "-c",
            "stty cols 160 rows 50; exec " + HOME.resolve("bin/strom-sql") + " --gateway 127.0.0.1:" + port,
            "/dev/null");
    builder.environment().put("HOME", home.toString());
    builder.environment().put("TERM", "xterm");
    builder.redirectErrorStream(true);
    shell = builder.start();
    OutputStream keyboard = shell.getOutputStream();
    Thread reader = new Thread(() -> copy(shell.getInputStream()), "shell-screen");
    reader.setDaemon(true);
    reader.start();

    waitForScreen("Strom SQL>", 1);
    type(keyboard, "SET 'sql-client.execution.result-mode' = 'tableau';");
    waitForScreen("[INFO] Execute statement succeeded.", 1);
    type(keyboard, "CREATE TABLE numbers (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '3',"
        + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');");
    waitForScreen("[INFO] Execute statement succeeded.", 2);
    type(keyboard, "SELECT id * 10 AS tens FROM numbers;");
    waitForScreen("3 rows in set", 1);
    type(keyboard, "SELECT nope FROM numbers;");
    waitForScreen("[ERROR] Could not execute SQL statement. Reason:", 1);

    // An endless query on the gateway shows rows as they come until Ctrl-C stops its job there.
    type(keyboard, "CREATE TABLE ticks (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');");
    waitForScreen("[INFO] Execute statement succeeded.", 3);
    type(keyboard, "SELECT id FROM ticks;");
    waitForScreen("| +I |", 8);
    keyboard.write(3);
    keyboard.flush();
    waitForScreen("Query terminated, received a total of", 1);
    type(keyboard, "SHOW JOBS;");
    waitForScreen("Empty set", 1);
    type(keyboard, "QUIT;");
    assertThat(shell.waitFor(30, TimeUnit.SECONDS)).as("the shell exits on QUIT").isTrue();

    String shown = screen();
    assertThat(shown)
        .containsPattern("\\|\\s+10 \\|")
        .containsPattern("\\|\\s+30 \\|")
        .contains("Column 'nope' not found")
        .contains("SELECT nope FROM numbers;\r\n       ^")
        .doesNotContain("\tat ");
    assertThat(shell.exitValue()).isZero();
  }

  private static void waitForPort(int port, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("The gateway did not start:\n" + Files.readString(log));
        }
        Thread.sleep(100);
      }
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

  private static void type(OutputStream keyboard, String line) throws IOException {
    keyboard.write((line + "\r").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }
}
