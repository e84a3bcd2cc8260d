package io.strom.sql.gateway;

import io.strom.configuration.Configuration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Starting gateways on free ports, connecting to them, and waiting on conditions. */
final class GatewayTestSupport {
  private GatewayTestSupport() {}

  /** A configuration for a test gateway: a free port, short fetch waits. */
  static Configuration configuration() {
    Configuration configuration = new Configuration();
    configuration.set(GatewayOptions.PORT, 0);
    configuration.set(GatewayOptions.FETCH_WAIT, Duration.ofMillis(200));
    return configuration;
  }

  static String url(GatewayServer server) {
    return "jdbc:strom://127.0.0.1:" + server.port();
  }

  static Connection connect(GatewayServer server) throws SQLException {
    return DriverManager.getConnection(url(server));
  }

  static Connection connect(GatewayServer server, String user, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return DriverManager.getConnection(url(server), properties);
  }

  /** Waits until {@code condition} holds, failing with {@code what} after a deadline. */
  static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }
}
