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

  static SqlParseError from(SqlParseException e) {
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

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String firstLine(String message) {
    String text = message == null ? "Syntax error" : message.strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).strip();
  }
}
