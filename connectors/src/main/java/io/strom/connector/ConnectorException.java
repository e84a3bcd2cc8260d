package io.strom.connector;

/**
 * A user error in a table's connector or format: an unknown connector, a missing or misspelled
 * option, a value that does not parse, a type a format cannot serve, or malformed input data. The
 * message says what is wrong, where, and how to fix it; there is no useful stack trace.
 */
public final class ConnectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConnectorException(String message) {
    super(message, null, false, false);
  }

  public ConnectorException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
