package io.strom.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code bin/kafka-local} as people do: start prints where the broker listens and keeps its
 * data, the broker serves clients, status reports it, stop ends the process. The broker's class
 * path is this test's own (which holds the broker), so no Maven run is needed.
 */
class KafkaLocalScriptTest {
  private static final Path SCRIPT = Path.of("..", "bin", "kafka-local").toAbsolutePath().normalize();

  @TempDir Path dir;
  private int port;
  private int controllerPort;

  /** The outcome of one run of the script. */
  private record Run(int exitCode, String output) {}

  private Run run(String command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), command)
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("KAFKA_LOCAL_DIR", dir.toString());
    env.put("KAFKA_LOCAL_PORT", Integer.toString(port));
    env.put("KAFKA_LOCAL_CONTROLLER_PORT", Integer.toString(controllerPort));
    env.put("KAFKA_LOCAL_HEAP", "256m");
    env.put("KAFKA_LOCAL_CLASSPATH", System.getProperty("java.class.path"));
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("bin/kafka-local " + command + " did not finish in time");
    }
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stopLeftOverBroker() throws IOException {
    Path pidFile = dir.resolve("broker.pid");
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void startsServesReportsAndStopsABroker() throws Exception {
    port = freePort();
    controllerPort = freePort();

    Run start = run("start");
    assertThat(start.exitCode()).as(start.output()).isZero();
    assertThat(start.output())
        .contains("bootstrap servers 127.0.0.1:" + port)
        .contains("Data directory: " + dir);
    long pid = Long.parseLong(Files.readString(dir.resolve("broker.pid")).trim());

    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000))) {
      admin.createTopics(List.of(new NewTopic("walkthrough", 1, (short) 1))).all()
          .get(60, TimeUnit.SECONDS);
      assertThat(admin.listTopics().names().get(60, TimeUnit.SECONDS)).contains("walkthrough");
    }
    Run status = run("status");
    assertThat(status.exitCode()).isZero();
    assertThat(status.output()).contains("Kafka is running (pid " + pid + ")");

    Run stop = run("stop");
    assertThat(stop.exitCode()).as(stop.output()).isZero();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(run("status").exitCode()).isEqualTo(3);
    assertThat(dir.resolve("data").resolve("meta.properties")).exists();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
