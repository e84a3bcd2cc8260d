package io.strom.sql.gateway;

import io.strom.configuration.Configuration;
import io.strom.planner.config.KnownOptions;
import io.strom.planner.session.SqlSession;
import io.strom.runtime.cluster.MiniCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's open sessions, one per JDBC connection: opened after authentication and within
 * the session limit, closed by the client or, once idle too long, by a sweeper thread.
 */
final class GatewaySessions implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewaySessions.class);

  private final Configuration defaults;
  private final MiniCluster cluster;
  private final GatewayAuthenticator authenticator;
  private final KnownOptions options = KnownOptions.of(GatewayOptions.class);
  private final int maxSessions;
  private final int maxOpenResults;
  private final long idleTimeoutNanos;
  private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper;

  GatewaySessions(Configuration defaults, MiniCluster cluster) {
    this.defaults = defaults;
    this.cluster = cluster;
    this.authenticator = new GatewayAuthenticator(defaults);
    this.maxSessions = defaults.get(GatewayOptions.MAX_SESSIONS);
    this.maxOpenResults = defaults.get(GatewayOptions.MAX_OPEN_RESULTS);
    this.idleTimeoutNanos = defaults.get(GatewayOptions.IDLE_TIMEOUT).toNanos();
    Duration interval = defaults.get(GatewayOptions.CHECK_INTERVAL);
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "gateway-session-sweeper");
              thread.setDaemon(true);
              return thread;
            });
    sweeper.scheduleWithFixedDelay(
        this::closeIdleSessions, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean authenticationRequired() {
    return authenticator.required();
  }

  /** Opens the session of a new connection. */
  GatewaySession open(String connectionId, String user, String password) {
    authenticator.check(user, password);
    synchronized (sessions) {
      if (sessions.containsKey(connectionId)) {
        throw new GatewayException("Connection " + connectionId + " already has a session");
      }
      if (sessions.size() >= maxSessions) {
        throw new GatewayException(
            "The gateway has " + sessions.size() + " open sessions, the most '"
                + GatewayOptions.MAX_SESSIONS.key() + "' allows; try again later");
      }
      SqlSession sql = new SqlSession(defaults, options, cluster);
      GatewaySession session = new GatewaySession(connectionId, user, sql, maxOpenResults);
      sessions.put(connectionId, session);
      LOG.info("Opened session {} for user {} ({} open)", connectionId, user, sessions.size());
      return session;
    }
  }

  /** The session of a connection, marked as used now. */
  GatewaySession get(String connectionId) {
    GatewaySession session = sessions.get(connectionId);
    if (session == null) {
      throw new GatewayException(
          "Connection " + connectionId + " has no session on this gateway: it was closed, expired"
              + " after '" + GatewayOptions.IDLE_TIMEOUT.key() + "', or the gateway restarted."
              + " Connect again.");
    }
    session.touch();
    return session;
  }

  void close(String connectionId) {
    GatewaySession session = sessions.remove(connectionId);
    if (session != null) {
      session.close();
      LOG.info("Closed session {} ({} open)", connectionId, sessions.size());
    }
  }

  int size() {
    return sessions.size();
  }

  void closeIdleSessions() {
    for (GatewaySession session : List.copyOf(sessions.values())) {
      if (session.idleNanos() > idleTimeoutNanos && sessions.remove(session.id(), session)) {
        LOG.info("Session {} of user {} was idle too long; closing it", session.id(), session.user());
        session.close();
      }
    }
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    for (String id : List.copyOf(sessions.keySet())) {
      close(id);
    }
  }
}
