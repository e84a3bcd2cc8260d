package io.strom.connector;

/**
 * A record could not be decoded. The message says why in terms of the table, e.g. {@code field
 * 'price' expects DECIMAL(10, 2) but got 'abc'}; the reader adds where (file and line, partition
 * and offset) and the record's text.
 */
public final class RowDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  public RowDecodeException(String reason) {
    super(reason);
  }

  public RowDecodeException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
