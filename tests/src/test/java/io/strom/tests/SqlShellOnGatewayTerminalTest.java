package io.strom.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
  private ShellScreen screen;

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
    screen = new ShellScreen(shell);

    screen.waitFor("Strom SQL>", 1);
    screen.type("SET 'sql-client.execution.result-mode' = 'tableau';");
    screen.waitFor("[INFO] Execute statement succeeded.", 1);
    screen.type("CREATE TABLE numbers (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '3',"
        + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');");
    screen.waitFor("[INFO] Execute statement succeeded.", 2);
    screen.type("SELECT id * 10 AS tens FROM numbers;");
    screen.waitFor("3 rows in set", 1);
    screen.type("SELECT nope FROM numbers;");
    screen.waitFor("[ERROR] Could not execute SQL statement. Reason:", 1);

    // An endless query on the gateway shows rows as they come until Ctrl-C stops its job there.
    screen.type("CREATE TABLE ticks (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');");
    screen.waitFor("[INFO] Execute statement succeeded.", 3);
    screen.type("SELECT id FROM ticks;");
    screen.waitFor("| +I |", 8);
    screen.interrupt();
    screen.waitFor("Query terminated, received a total of", 1);
    screen.type("SHOW JOBS;");
    screen.waitFor("Empty set", 1);

    // A query with event time shows in the live table how far its watermark has come.
    screen.type("SET 'sql-client.execution.result-mode' = 'table';");
    screen.waitFor("[INFO] Execute statement succeeded.", 4);
    screen.type("CREATE TABLE clicks (id BIGINT, ts TIMESTAMP_LTZ(3), WATERMARK FOR ts AS ts -"
        + " INTERVAL '5' SECOND) WITH ('connector' = 'datagen', 'rows-per-second' = '20',"
        + " 'fields.ts.max-past' = '0');");
    screen.waitFor("[INFO] Execute statement succeeded.", 5);
    screen.type("SELECT id, ts FROM clicks;");
    screen.waitFor("s behind)", 1);
    screen.interrupt();
    screen.waitFor("Query stopped:", 1);
    screen.type("SET 'sql-client.execution.result-mode' = 'tableau';");
    screen.waitFor("[INFO] Execute statement succeeded.", 6);

    // A bounded insert still running on the gateway stops on Ctrl-C too, and leaves no job.
    screen.type("CREATE TABLE slow (id BIGINT) WITH ('connector' = 'datagen',"
        + " 'number-of-rows' = '100000', 'rows-per-second' = '100');");
    screen.waitFor("[INFO] Execute statement succeeded.", 7);
    screen.type("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');");
    screen.waitFor("[INFO] Execute statement succeeded.", 8);
    int progressLines = screen.text().split("\\[Running for ", -1).length - 1;
    screen.type("INSERT INTO sink SELECT id FROM slow;");
    screen.waitFor("[Running for ", progressLines + 1);
    screen.interrupt();
    screen.waitFor("[INFO] Statement cancelled.", 1);
    screen.type("SHOW JOBS;");
    screen.waitFor("Empty set", 2);
    screen.type("QUIT;");
    assertThat(shell.waitFor(30, TimeUnit.SECONDS)).as("the shell exits on QUIT").isTrue();

    String shown = screen.text();
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





}
