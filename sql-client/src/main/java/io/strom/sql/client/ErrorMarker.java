package io.strom.sql.client;

import io.strom.planner.ValidationException;
import io.strom.sql.parser.SqlParseError;
import java.util.List;

/**
 * Shows where in a statement an error is: the statement's line, and a caret under the column the
 * error names. Positions are 1-based and count from the start of the text that was run.
 */
final class ErrorMarker {
  private ErrorMarker() {}

  /** The marked line for an error that knows its position; empty when it does not. */
  static List<String> mark(String script, Throwable error) {
    int line = 0;
    int column = 0;
    if (error instanceof SqlParseError parse) {
      line = parse.line();
      column = parse.column();
    } else if (error instanceof ValidationException validation) {
      line = validation.line();
      column = validation.column();
    }
    return mark(script, line, column);
  }

  static List<String> mark(String script, int line, int column) {
    List<String> lines = script.lines().toList();
    if (line <= 0 || column <= 0 || line > lines.size()) {
      return List.of();
    }
    // Tabs would put the caret off by the width the terminal gives them.
    String text = lines.get(line - 1).replace('\t', ' ');
    if (column > text.length() + 1) {
      return List.of();
    }
    return List.of(text, " ".repeat(column - 1) + "^");
  }
}
