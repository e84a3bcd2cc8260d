package io.strom.planner;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A statement that parsed but cannot be run as written: an unknown table or column, a wrong type,
 * a missing option. Carries the position in the statement when one is known; the message says
 * what is wrong and, where possible, how to fix it.
 */
public final class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String reason;

  public ValidationException(String message) {
    this(SqlParserPos.ZERO, message);
  }

  public ValidationException(SqlParserPos pos, String message) {
    super(withPosition(pos, message));
    this.line = pos == null ? 0 : pos.getLineNum();
    this.column = pos == null ? 0 : pos.getColumnNum();
    this.reason = message;
  }

  public ValidationException(String message, Throwable cause) {
    super(message, cause);
    this.line = 0;
    this.column = 0;
    this.reason = message;
  }

  private static String withPosition(SqlParserPos pos, String message) {
    if (pos == null || pos.getLineNum() <= 0) {
      return message;
    }
    return "At line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ": " + message;
  }

  /** The message without the position: for statements a program wrote rather than a person. */
  public String reason() {
    return reason;
  }

  /** 1-based line of the problem, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column of the problem, or 0 when unknown. */
  public int column() {
    return column;
  }
}
