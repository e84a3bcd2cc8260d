package io.strom.sql.gateway;

/**
 * A request the gateway refuses: failed authentication, a limit reached, an unknown session or
 * statement. The message goes to the JDBC client as the SQLException's message.
 */
public final class GatewayException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GatewayException(String message) {
    super(message);
  }
}
