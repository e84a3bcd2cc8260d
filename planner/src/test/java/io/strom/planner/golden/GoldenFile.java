package io.strom.planner.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A golden SQL test file: records separated by blank lines, each a directive line then SQL (and for
 * queries, {@code ----} then the expected rows). Lines starting with {@code #} outside records are
 * comments.
 *
 * <pre>
 * statement ok
 * CREATE TABLE t (a INT) WITH ('connector' = 'datagen')
 *
 * statement error does not exist
 * DROP TABLE missing
 *
 * query rowsort
 * SHOW TABLES
 * ----
 * t
 * </pre>
 *
 * Rows print their fields joined by {@code " | "}, nulls as {@code NULL}; a field holding several
 * lines prints them as they are.
 */
final class GoldenFile {

  /** One test case of the file. */
  record Record(
      int line, Kind kind, String argument, String sql, List<String> expected, List<String> comments) {}

  /** The kinds of record. */
  enum Kind {
    STATEMENT_OK,
    STATEMENT_ERROR,
    QUERY
  }

  private GoldenFile() {}

  static List<Record> parse(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Record> records = new ArrayList<>();
    List<String> comments = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (line.isBlank()) {
        i++;
        continue;
      }
      if (line.startsWith("#")) {
        comments.add(line);
        i++;
        continue;
      }
      int start = i + 1;
      Kind kind;
      String argument;
      if (line.equals("statement ok")) {
        kind = Kind.STATEMENT_OK;
        argument = "";
      } else if (line.startsWith("statement error")) {
        kind = Kind.STATEMENT_ERROR;
        argument = line.substring("statement error".length()).trim();
      } else if (line.startsWith("query")) {
        kind = Kind.QUERY;
        argument = line.substring("query".length()).trim();
      } else {
        throw new IllegalArgumentException(file + ":" + start + ": unknown directive '" + line + "'");
      }
      i++;
      List<String> sql = new ArrayList<>();
      while (i < lines.size() && !lines.get(i).isBlank() && !lines.get(i).equals("----")) {
        sql.add(lines.get(i++));
      }
      List<String> expected = new ArrayList<>();
      if (kind == Kind.QUERY) {
        if (i >= lines.size() || !lines.get(i).equals("----")) {
          throw new IllegalArgumentException(file + ":" + start + ": a query needs '----' and rows");
        }
        i++;
        while (i < lines.size() && !lines.get(i).isBlank()) {
          expected.add(lines.get(i++));
        }
      }
      records.add(new Record(start, kind, argument, String.join("\n", sql), expected, comments));
      comments = new ArrayList<>();
    }
    return records;
  }

  /** The file text for these records, used to rewrite expected results. */
  static String format(List<Record> records) {
    StringBuilder out = new StringBuilder();
    for (Record r : records) {
      if (out.length() > 0) {
        out.append('\n');
      }
      r.comments().forEach(c -> out.append(c).append('\n'));
      switch (r.kind()) {
        case STATEMENT_OK -> out.append("statement ok\n");
        case STATEMENT_ERROR -> out.append("statement error ").append(r.argument()).append('\n');
        case QUERY ->
            out.append("query").append(r.argument().isEmpty() ? "" : " " + r.argument()).append('\n');
      }
      out.append(r.sql()).append('\n');
      if (r.kind() == Kind.QUERY) {
        out.append("----\n");
        r.expected().forEach(e -> out.append(e).append('\n'));
      }
    }
    return out.toString();
  }
}
