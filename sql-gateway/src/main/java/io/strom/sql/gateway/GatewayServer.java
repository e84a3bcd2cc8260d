package io.strom.sql.gateway;

import io.strom.configuration.Configuration;
import io.strom.runtime.cluster.MiniCluster;
import java.util.List;
import org.apache.calcite.avatica.remote.Driver;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL gateway: one embedded cluster, the sessions of its clients, and Avatica's HTTP endpoint
 * (protobuf) through which JDBC clients reach them.
 */
public final class GatewayServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

  private final MiniCluster cluster;
  private final GatewaySessions sessions;
  private final HttpServer http;

  private GatewayServer(MiniCluster cluster, GatewaySessions sessions, HttpServer http) {
    this.cluster = cluster;
    this.sessions = sessions;
    this.http = http;
  }

  /** Starts a gateway with {@code configuration} (the file's settings plus any overrides). */
  public static GatewayServer start(Configuration configuration) {
    MiniCluster cluster = new MiniCluster(configuration);
    GatewaySessions sessions = new GatewaySessions(configuration, cluster);
    String address = configuration.get(GatewayOptions.ADDRESS);
    StromMeta meta = new StromMeta(sessions, configuration.get(GatewayOptions.FETCH_WAIT));
    ServerCustomizer<Server> bindAddress =
        server -> {
          for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
              serverConnector.setHost(address);
            }
          }
        };
    HttpServer http =
        new HttpServer.Builder<Server>()
            .withHandler(new LocalService(meta), Driver.Serialization.PROTOBUF)
            .withPort(configuration.get(GatewayOptions.PORT))
            .withServerCustomizers(List.of(bindAddress), Server.class)
            .build();
    try {
      http.start();
    } catch (RuntimeException e) {
      sessions.close();
      closeQuietly(cluster);
      throw new IllegalStateException(
          "Could not start the gateway on " + address + ":" + configuration.get(GatewayOptions.PORT)
              + ": " + e.getMessage(), e);
    }
    if (!sessions.authenticationRequired() && !isLoopback(address)) {
      LOG.warn("The gateway listens on {} without authentication; set '{}' = 'basic'", address,
          GatewayOptions.AUTHENTICATION.key());
    }
    LOG.info("Strom SQL gateway listening on {}:{}", address, http.getPort());
    return new GatewayServer(cluster, sessions, http);
  }

  private static boolean isLoopback(String address) {
    return address.equals("localhost") || address.startsWith("127.") || address.equals("::1");
  }

  public int port() {
    return http.getPort();
  }

  /** The cluster the sessions' jobs run on (tests look at its jobs). */
  public MiniCluster cluster() {
    return cluster;
  }

  public int openSessions() {
    return sessions.size();
  }

  /** Closes sessions idle longer than the timeout now, without waiting for the sweeper. */
  void closeIdleSessions() {
    sessions.closeIdleSessions();
  }

  public void join() throws InterruptedException {
    http.join();
  }

  @Override
  public void close() {
    http.stop();
    sessions.close();
    closeQuietly(cluster);
  }

  private static void closeQuietly(MiniCluster cluster) {
    try {
      cluster.close();
    } catch (Exception e) {
      LOG.warn("Stopping the cluster failed: {}", e.toString());
    }
  }
}
