package io.strom.sql.client;

/**
 * Collects typed lines until they hold a complete statement: one ending in a semicolon that is not
 * inside a string, a quoted identifier or a comment.
 */
final class StatementBuffer {
  private final StringBuilder text = new StringBuilder();

  void append(String line) {
    if (text.length() > 0) {
      text.append('\n');
    }
    text.append(line);
  }

  boolean isEmpty() {
    return text.toString().isBlank();
  }

  void clear() {
    text.setLength(0);
  }

  String text() {
    return text.toString();
  }

  /**
   * True when the text ends (ignoring trailing blanks and comments) with a terminating semicolon;
   * a statement set ({@code [EXECUTE STATEMENT SET] BEGIN [STATEMENT SET;] ... END;}) is complete
   * only at its {@code END;}.
   */
  boolean isComplete() {
    if (!endsWithTerminator(text)) {
      return false;
    }
    String upper = text.toString().toUpperCase(java.util.Locale.ROOT).strip();
    boolean statementSet = STATEMENT_SET_START.matcher(upper).lookingAt();
    return !statementSet || STATEMENT_SET_END.matcher(upper).find();
  }

  /**
   * The statements of a script, each with its terminating semicolon, split where a statement is
   * complete (so a statement set stays whole); text after the last semicolon is a statement too.
   */
  static java.util.List<String> split(String script) {
    java.util.List<String> statements = new java.util.ArrayList<>();
    StatementBuffer buffer = new StatementBuffer();
    for (int i = 0; i < script.length(); i++) {
      char c = script.charAt(i);
      buffer.text.append(c);
      if (c == ';' && buffer.isComplete()) {
        statements.add(buffer.text().strip());
        buffer.clear();
      }
    }
    if (!buffer.isEmpty() && !onlyComments(buffer.text())) {
      statements.add(buffer.text().strip());
    }
    return statements;
  }

  private static boolean onlyComments(String text) {
    return text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("--[^\n]*", "").isBlank();
  }

  private static final java.util.regex.Pattern STATEMENT_SET_START =
      java.util.regex.Pattern.compile("(EXECUTE\\s+STATEMENT\\s+SET\\s+)?BEGIN\\b");
  private static final java.util.regex.Pattern STATEMENT_SET_END =
      java.util.regex.Pattern.compile("\\bEND\\s*;\\s*$");

  static boolean endsWithTerminator(CharSequence s) {
    boolean inString = false;
    boolean inIdentifier = false;
    boolean inLineComment = false;
    boolean inBlockComment = false;
    boolean terminated = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
      if (inLineComment) {
        inLineComment = c != '\n';
      } else if (inBlockComment) {
        if (c == '*' && next == '/') {
          inBlockComment = false;
          i++;
        }
      } else if (inString) {
        inString = c != '\'';
      } else if (inIdentifier) {
        inIdentifier = c != '`';
      } else if (c == '-' && next == '-') {
        inLineComment = true;
      } else if (c == '/' && next == '*') {
        inBlockComment = true;
        i++;
      } else if (c == '\'') {
        inString = true;
        terminated = false;
      } else if (c == '`') {
        inIdentifier = true;
        terminated = false;
      } else if (c == ';') {
        terminated = true;
      } else if (!Character.isWhitespace(c)) {
        terminated = false;
      }
    }
    return terminated && !inString && !inIdentifier && !inBlockComment;
  }
}
