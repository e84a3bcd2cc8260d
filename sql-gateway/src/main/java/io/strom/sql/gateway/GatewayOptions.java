package io.strom.sql.gateway;

import io.strom.configuration.ConfigOption;
import io.strom.configuration.ConfigOptions;
import java.time.Duration;

/** Settings of the SQL gateway, read from the configuration file ({@code conf/config.yaml}). */
public final class GatewayOptions {
  private GatewayOptions() {}

  /** Who may open a session. */
  public enum Authentication {
    /** Anyone who reaches the port. */
    NONE,
    /** A user name and password listed in {@link #BASIC_USERS}. */
    BASIC
  }

  public static final ConfigOption<String> ADDRESS =
      ConfigOptions.key("sql-gateway.endpoint.avatica.address")
          .stringType()
          .defaultValue("127.0.0.1")
          .withDescription(
              "The address the gateway listens on; the default accepts only local clients.");

  public static final ConfigOption<Integer> PORT =
      ConfigOptions.key("sql-gateway.endpoint.avatica.port")
          .intType()
          .defaultValue(8765)
          .withDescription("The port of the gateway's JDBC endpoint (0 picks a free one).");

  public static final ConfigOption<Integer> MAX_SESSIONS =
      ConfigOptions.key("sql-gateway.session.max-num")
          .intType()
          .defaultValue(100)
          .withDescription("How many sessions may be open at once; more are refused.");

  public static final ConfigOption<Duration> IDLE_TIMEOUT =
      ConfigOptions.key("sql-gateway.session.idle-timeout")
          .durationType()
          .defaultValue(Duration.ofMinutes(10))
          .withDescription(
              "A session no request has touched for this long is closed, and its queries"
                  + " stopped.");

  public static final ConfigOption<Duration> CHECK_INTERVAL =
      ConfigOptions.key("sql-gateway.session.check-interval")
          .durationType()
          .defaultValue(Duration.ofMinutes(1))
          .withDescription("How often idle sessions are looked for.");

  public static final ConfigOption<Integer> MAX_OPEN_RESULTS =
      ConfigOptions.key("sql-gateway.session.max-open-results")
          .intType()
          .defaultValue(16)
          .withDescription(
              "How many running queries (open result sets) one session may have; more are"
                  + " refused until one is closed.");

  public static final ConfigOption<Duration> FETCH_WAIT =
      ConfigOptions.key("sql-gateway.fetch.max-wait")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription(
              "How long a fetch of a running query's rows waits for the first row before"
                  + " answering with none; the client then asks again.");

  public static final ConfigOption<Authentication> AUTHENTICATION =
      ConfigOptions.key("sql-gateway.authentication.type")
          .enumType(Authentication.class)
          .defaultValue(Authentication.NONE)
          .withDescription("'none' (the default) or 'basic' (user and password).");

  public static final ConfigOption<String> BASIC_USERS =
      ConfigOptions.key("sql-gateway.authentication.basic.users")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "For 'basic' authentication: the users and their passwords, as"
                  + " 'user:password,user2:password2'.");
}
