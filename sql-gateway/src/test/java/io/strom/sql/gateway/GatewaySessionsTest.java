package io.strom.sql.gateway;

import static io.strom.sql.gateway.GatewayTestSupport.connect;
import static io.strom.sql.gateway.GatewayTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many sessions, their isolation, their limits, authentication and idle expiry. */
@Timeout(180)
class GatewaySessionsTest {

  @Test
  void concurrentSessionsKeepTheirOwnSettingsAndTables() throws Exception {
    int sessions = 24;
    try (GatewayServer gateway = GatewayServer.start(GatewayTestSupport.configuration())) {
      ExecutorService clients = Executors.newFixedThreadPool(sessions);
      try {
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
          int n = i + 1;
          results.add(clients.submit(() -> runSession(gateway, n)));
        }
        for (int i = 0; i < sessions; i++) {
          assertThat(results.get(i).get(150, TimeUnit.SECONDS)).isEqualTo("session-" + (i + 1) + " " + (i + 1));
        }
      } finally {
        clients.shutdownNow();
      }
      waitUntil("every session has closed", () -> gateway.openSessions() == 0);
    }
  }

  /** Sets a value and creates a table of {@code n} rows, both named alike in every session. */
  private static String runSession(GatewayServer gateway, int n) throws SQLException {
    try (Connection connection = connect(gateway);
        Statement statement = connection.createStatement()) {
      statement.execute("SET 'test.marker' = 'session-" + n + "'");
      statement.execute(
          "CREATE TABLE t (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '" + n + "')");
      String marker = null;
      try (ResultSet settings = statement.executeQuery("SET")) {
        while (settings.next()) {
          if (settings.getString(1).equals("test.marker")) {
            marker = settings.getString(2);
          }
        }
      }
      try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM t")) {
        count.next();
        return marker + " " + count.getLong(1);
      }
    }
  }

  @Test
  void wrongPasswordIsRefusedAndTheRightOneLetsIn() throws Exception {
    Configuration configuration = GatewayTestSupport.configuration();
    configuration.setString(GatewayOptions.AUTHENTICATION.key(), "basic");
    configuration.set(GatewayOptions.BASIC_USERS, "alice:secret, bob:hunter2");
    try (GatewayServer gateway = GatewayServer.start(configuration)) {
      assertThatThrownBy(() -> connect(gateway, "alice", "guess").close())
          .hasMessageContaining("Authentication failed for user 'alice'");
      assertThatThrownBy(() -> connect(gateway).close()).hasMessageContaining("Authentication failed");
      try (Connection connection = connect(gateway, "bob", "hunter2");
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SHOW CATALOGS")) {
        assertThat(rows.next()).isTrue();
      }
      assertThat(gateway.openSessions()).isZero();
    }
  }

  @Test
  void limitsOnSessionsAndRunningQueriesAreEnforced() throws Exception {
    Configuration configuration = GatewayTestSupport.configuration();
    configuration.set(GatewayOptions.MAX_SESSIONS, 2);
    configuration.set(GatewayOptions.MAX_OPEN_RESULTS, 1);
    try (GatewayServer gateway = GatewayServer.start(configuration);
        Connection first = connect(gateway);
        Connection second = connect(gateway)) {
      assertThatThrownBy(() -> connect(gateway).close())
          .hasMessageContaining("sql-gateway.session.max-num");

      Statement one = first.createStatement();
      one.execute("CREATE TABLE ticks (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5')");
      ResultSet running = one.executeQuery("SELECT id FROM ticks");
      Statement two = first.createStatement();
      assertThatThrownBy(() -> two.executeQuery("SELECT id FROM ticks"))
          .hasMessageContaining("sql-gateway.session.max-open-results");
      // Closing the first query frees its place.
      running.close();
      one.close();
      waitUntil("the first query's job has stopped", () -> gateway.cluster().jobs().isEmpty());
      try (ResultSet again = two.executeQuery("SELECT id FROM ticks")) {
        assertThat(again.next()).isTrue();
      }
      two.close();
      waitUntil("the second query's job has stopped", () -> gateway.cluster().jobs().isEmpty());
    }
  }

  @Test
  void clientThatVanishesMidQueryLeavesNoJobOrSessionBehind() throws Exception {
    Configuration configuration = GatewayTestSupport.configuration();
    configuration.set(GatewayOptions.IDLE_TIMEOUT, Duration.ofSeconds(2));
    configuration.set(GatewayOptions.CHECK_INTERVAL, Duration.ofMillis(200));
    try (GatewayServer gateway = GatewayServer.start(configuration)) {
      // The client starts an endless query, reads a row and is never heard from again: no close,
      // no more fetches (as when its process is killed).
      Connection connection = connect(gateway);
      Statement statement = connection.createStatement();
      statement.execute("CREATE TABLE ticks (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '50')");
      ResultSet rows = statement.executeQuery("SELECT id FROM ticks");
      assertThat(rows.next()).isTrue();
      assertThat(gateway.cluster().jobs()).hasSize(1);
      assertThat(gateway.openSessions()).isEqualTo(1);

      waitUntil("the idle session has expired", () -> gateway.openSessions() == 0);
      waitUntil("its query's job has stopped", () -> gateway.cluster().jobs().isEmpty());
      // Every network buffer the query's tasks held is back in the pool.
      var pool = gateway.cluster().taskManagers().get(0).bufferPool();
      waitUntil("the buffers are back", () -> pool.availableSegments() == pool.totalSegments());
      // Coming back after expiry is an error that says so, not a hang.
      assertThatThrownBy(() -> connection.createStatement().executeQuery("SHOW TABLES"))
          .hasMessageContaining("Connect again");
    }
  }
}
