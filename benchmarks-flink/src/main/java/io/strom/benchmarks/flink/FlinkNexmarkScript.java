package io.strom.benchmarks.flink;

import io.strom.benchmarks.NexmarkFiles;
import io.strom.connector.nexmark.CountCharFunction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Nexmark SQL file as statements for Flink's {@code executeSql}, which takes one statement at a
 * time. The files run as shipped but for two substitutions:
 *
 * <ul>
 *   <li>The column name {@code dateTime} is quoted. Since Flink 2.0 (Calcite 1.34) {@code
 *       DATETIME} is a reserved word of Flink's parser, and Nexmark's own Flink scripts quote it
 *       the same way.
 *   <li>q14's {@code CREATE FUNCTION} names Strom's {@code count_char} class, which Flink cannot
 *       load as a function; it is pointed at {@link CountCharFlinkFunction}, the same code behind
 *       Flink's function class.
 * </ul>
 */
final class FlinkNexmarkScript {
  /** {@code dateTime} as a whole identifier, not yet quoted (not {@code bid_dateTime}). */
  private static final Pattern DATE_TIME = Pattern.compile("(?<![`\\w])dateTime(?![`\\w])");

  private FlinkNexmarkScript() {}

  /** The statements of a file under {@code nexmark/}, e.g. {@code ddl.sql}. */
  static List<String> read(String name) throws IOException {
    return statements(NexmarkFiles.read(name));
  }

  /** The statements of a query's file, e.g. {@code q5}. */
  static List<String> query(String query) throws IOException {
    return statements(NexmarkFiles.query(query));
  }

  /**
   * Splits at semicolons, leaving out comment lines. The Nexmark files have no semicolon inside a
   * string literal, which this relies on.
   */
  static List<String> statements(String script) {
    StringBuilder code = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    String quoted = DATE_TIME.matcher(code).replaceAll("`dateTime`");
    String flinkScript = quoted.replace(
        "'" + CountCharFunction.class.getName() + "'",
        "'" + CountCharFlinkFunction.class.getName() + "'");
    List<String> statements = new ArrayList<>();
    for (String statement : flinkScript.split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip());
      }
    }
    return statements;
  }
}
