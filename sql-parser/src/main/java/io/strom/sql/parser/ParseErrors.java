package io.strom.sql.parser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Turns Calcite's {@link SqlParseException} into a {@link SqlParseError} whose message a person
 * can act on: Calcite lists every token that could follow (often over a hundred); this keeps the
 * few likeliest, and suggests a keyword when the offending word is a near miss of one.
 */
final class ParseErrors {
  /** How many expected tokens the message names. */
  static final int MAX_EXPECTED = 8;

  private static final Pattern ENCOUNTERED = Pattern.compile("Encountered \"(.*?)\" at line");

  private ParseErrors() {}

  /** Words a statement can start with, for suggestions when the first word is misspelled. */
  private static final List<String> STATEMENT_STARTS =
      List.of("SELECT", "INSERT", "UPSERT", "CREATE", "DROP", "ALTER", "SET", "RESET", "SHOW",
          "DESCRIBE", "DESC", "EXPLAIN", "USE", "WITH", "VALUES", "EXECUTE", "BEGIN", "END", "STOP",
          "ADD", "REMOVE");

  /** Calcite's message when a statement is a bare expression, e.g. a misspelled first word. */
  private static final String NON_QUERY = "Non-query expression encountered in illegal context";

  static SqlParseError from(SqlParseException e, String sql) {
    SqlParserPos pos = e.getPos();
    int line = pos == null ? 1 : pos.getLineNum();
    int column = pos == null ? 1 : pos.getColumnNum();
    int endLine = pos == null ? line : pos.getEndLineNum();
    int endColumn = pos == null ? column : pos.getEndColumnNum();
    List<String> expected = new ArrayList<>(e.getExpectedTokenNames());
    String message = firstLine(e.getMessage());
    Matcher m = ENCOUNTERED.matcher(message);
    if (!expected.isEmpty() && m.find()) {
      message = unexpectedToken(m.group(1), line, column, expected);
    } else if (message.startsWith(NON_QUERY)) {
      message = notAStatement(wordAt(sql, line, column), line, column);
    } else if (!message.contains("line " + line)) {
      message = "At line " + line + ", column " + column + ": " + message;
    }
    return new SqlParseError(message, line, column, endLine, endColumn, expected, e);
  }

  /** Wraps an error that Strom finds itself (outside the grammar) at a position. */
  static SqlParseError at(SqlParserPos pos, CalciteContextException e) {
    String message = "At line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ": "
        + firstLine(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
    return new SqlParseError(message, pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(),
        pos.getEndColumnNum(), List.of(), e);
  }

  private static String notAStatement(String word, int line, int column) {
    StringBuilder sb = new StringBuilder();
    sb.append("Encountered \"").append(word).append("\" at line ").append(line)
        .append(", column ").append(column).append(", where a statement should start.");
    String upper = word.toUpperCase(Locale.ROOT);
    for (String start : STATEMENT_STARTS) {
      if (isNearMiss(upper, '"' + start + '"')) {
        sb.append(" Did you mean \"").append(start).append("\"?");
        break;
      }
    }
    sb.append(" A statement starts with SELECT, INSERT, CREATE, DROP, ALTER, SET, SHOW, ...");
    return sb.toString();
  }

  /** The word (letters, digits, underscores) at a 1-based line and column of the text. */
  private static String wordAt(String sql, int line, int column) {
    String[] lines = sql.split("\r?\n|\r", -1);
    if (line < 1 || line > lines.length || column < 1 || column > lines[line - 1].length()) {
      return "";
    }
    String text = lines[line - 1];
    int end = column - 1;
    while (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
      end++;
    }
    return end == column - 1 ? text.substring(column - 1, column) : text.substring(column - 1, end);
  }

  private static String unexpectedToken(
      String token, int line, int column, List<String> expected) {
    StringBuilder sb = new StringBuilder();
    sb.append("Encountered \"").append(token).append("\" at line ").append(line)
        .append(", column ").append(column).append('.');
    List<String> ranked = rank(token, expected);
    String suggestion = suggestion(token, ranked);
    if (suggestion != null) {
      sb.append(" Did you mean ").append(suggestion).append('?');
    }
    sb.append(" Was expecting ").append(ranked.size() == 1 ? "" : "one of: ");
    sb.append(String.join(", ", ranked.subList(0, Math.min(MAX_EXPECTED, ranked.size()))));
    if (ranked.size() > MAX_EXPECTED) {
      sb.append(", ...");
    }
    return sb.toString();
  }

  /**
   * Orders expected tokens by how likely the writer meant them: near misses of the offending
   * word, then punctuation (a missing comma or parenthesis is the commonest slip), then keywords,
   * then token classes such as {@code <IDENTIFIER>}.
   */
  private static List<String> rank(String token, List<String> expected) {
    String word = token.toUpperCase(Locale.ROOT);
    List<String> ranked = new ArrayList<>(expected);
    ranked.sort(
        Comparator.comparingInt((String t) -> isNearMiss(word, t) ? 0 : group(t))
            .thenComparingInt(t -> distance(word, unquote(t)))
            .thenComparing(t -> t));
    return ranked;
  }

  private static int group(String expected) {
    String name = unquote(expected);
    if (expected.startsWith("<")) {
      return 3;
    }
    return Character.isLetter(name.charAt(0)) ? 2 : 1;
  }

  private static String suggestion(String token, List<String> ranked) {
    String word = token.toUpperCase(Locale.ROOT);
    if (!ranked.isEmpty() && isNearMiss(word, ranked.get(0))) {
      return ranked.get(0);
    }
    return null;
  }

  /** A keyword the offending word is one or two typos away from, e.g. FROMM for FROM. */
  private static boolean isNearMiss(String word, String expected) {
    String name = unquote(expected);
    if (expected.startsWith("<") || name.length() < 3 || !Character.isLetter(name.charAt(0))
        || word.equals(name)) {
      return false;
    }
    return distance(word, name) <= (name.length() <= 4 ? 1 : 2);
  }

  private static String unquote(String expected) {
    return expected.length() >= 2 && expected.startsWith("\"") && expected.endsWith("\"")
        ? expected.substring(1, expected.length() - 1)
        : expected;
  }

  /** Edit distance counting an adjacent transposition (WIHT for WITH) as one edit. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String firstLine(String message) {
    String text = message == null ? "Syntax error" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).strip();
  }
}
