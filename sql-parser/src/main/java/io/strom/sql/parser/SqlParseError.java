package io.strom.sql.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A statement that does not parse: what is wrong, where (line and column, 1-based, of the
 * offending token within the whole text given to the parser) and, for an unexpected token, what
 * would have fit. {@link #getMessage()} is short enough to show a person as is.
 */
public final class SqlParseError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final int endLine;
  private final int endColumn;
  private final List<String> expected;

  SqlParseError(
      String message,
      int line,
      int column,
      int endLine,
      int endColumn,
      List<String> expected,
      Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.line = line;
    this.column = column;
    this.endLine = endLine;
    this.endColumn = endColumn;
    this.expected = List.copyOf(expected);
  }

  /** The line of the offending token, 1-based. */
  public int line() {
    return line;
  }

  /** The column of the offending token, 1-based. */
  public int column() {
    return column;
  }

  public int endLine() {
    return endLine;
  }

  public int endColumn() {
    return endColumn;
  }

  /**
   * Every token that would have fit where the error is, as the parser names them ({@code "FROM"},
   * {@code <IDENTIFIER>}); empty for errors that are not about an unexpected token. The message
   * shows only the likeliest few.
   */
  public List<String> expected() {
    return expected;
  }
}
