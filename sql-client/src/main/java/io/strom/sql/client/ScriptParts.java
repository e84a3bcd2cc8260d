package io.strom.sql.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A script cut where the shell's own commands stand as statements of their own ({@code QUIT},
 * {@code EXIT}, {@code HELP}, {@code CLEAR}, {@code DESCRIBE JOB '<id>'}), so that a script may
 * end with {@code QUIT;} as in an interactive session. The SQL between them stays one piece, as
 * the parser reads a script (a statement set's inner statements included); each piece keeps its
 * place in the script, with what comes before it blanked, so that errors name the script's line
 * and column.
 */
final class ScriptParts {
  private static final Pattern COMMAND =
      Pattern.compile("(?is)(QUIT|EXIT|HELP|CLEAR|DESCRIBE\\s+JOB\\s+'[^']*')");

  /** A piece of SQL for the parser, or one shell command (without its semicolon). */
  record Part(String sql, String command) {}

  private ScriptParts() {}

  static List<Part> of(String script) {
    List<Part> parts = new ArrayList<>();
    int sqlStart = 0;
    int statementStart = 0;
    int i = 0;
    int n = script.length();
    while (i <= n) {
      int after = i < n ? skipQuotedOrComment(script, i) : -1;
      if (after >= 0) {
        i = after;
        continue;
      }
      if (i == n || script.charAt(i) == ';') {
        String statement = withoutComments(script.substring(statementStart, i));
        if (COMMAND.matcher(statement).matches()) {
          addSql(parts, script, sqlStart, statementStart);
          parts.add(new Part(null, statement));
          sqlStart = Math.min(i + 1, n);
        }
        statementStart = i + 1;
      }
      i++;
    }
    addSql(parts, script, sqlStart, n);
    return parts;
  }

  /** Whether a shell command is {@code name} (QUIT, HELP, ...), in any case. */
  static boolean is(String command, String name) {
    return command.toUpperCase(Locale.ROOT).equals(name);
  }

  private static void addSql(List<Part> parts, String script, int start, int end) {
    if (start >= end || withoutComments(script.substring(start, end)).isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder(end);
    for (int i = 0; i < start; i++) {
      sql.append(script.charAt(i) == '\n' ? '\n' : ' ');
    }
    parts.add(new Part(sql.append(script, start, end).toString(), null));
  }

  /** The statement's text without its comments, trimmed; quoted text is kept as it is. */
  private static String withoutComments(String statement) {
    StringBuilder kept = new StringBuilder(statement.length());
    int i = 0;
    while (i < statement.length()) {
      int after = skipQuotedOrComment(statement, i);
      if (after < 0) {
        kept.append(statement.charAt(i++));
      } else {
        char c = statement.charAt(i);
        boolean quoted = c == '\'' || c == '"' || c == '`';
        kept.append(quoted ? statement.substring(i, after) : " ");
        i = after;
      }
    }
    return kept.toString().strip();
  }

  /**
   * The index after the string, quoted name or comment that starts at {@code i}, or -1 when none
   * does; an unterminated one runs to the end.
   */
  private static int skipQuotedOrComment(String s, int i) {
    char c = s.charAt(i);
    char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
    int end;
    if (c == '\'' || c == '"' || c == '`') {
      end = s.indexOf(c, i + 1);
      return end < 0 ? s.length() : end + 1;
    } else if (c == '-' && next == '-') {
      end = s.indexOf('\n', i);
      return end < 0 ? s.length() : end + 1;
    } else if (c == '/' && next == '*') {
      end = s.indexOf("*/", i + 2);
      return end < 0 ? s.length() : end + 2;
    }
    return -1;
  }
}
