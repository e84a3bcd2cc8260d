package io.strom.planner.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.strom.configuration.Configuration;
import io.strom.data.GenericConverter;
import io.strom.data.InternalValues;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.planner.session.Changelogs;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every golden file under {@code src/test/resources/golden} in a fresh session, record by
 * record, in order. With {@code -Dstrom.golden.rewrite=true} it writes the actual results of
 * queries back into the source files instead of comparing, for review in the diff.
 */
class GoldenSqlTest {
  private static final boolean REWRITE = Boolean.getBoolean("strom.golden.rewrite");
  /** {@code -Dstrom.golden.file=windows.slt} runs that file only, for quick turns while editing. */
  private static final String ONLY_FILE = System.getProperty("strom.golden.file", "");

  @TestFactory
  Stream<DynamicNode> goldenFiles() throws IOException, URISyntaxException {
    Path dir = Paths.get(getClass().getResource("/golden").toURI());
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".slt"))
          .filter(p -> ONLY_FILE.isEmpty() || p.getFileName().toString().equals(ONLY_FILE))
          .sorted()
          .toList();
    }
    return files.stream().map(GoldenSqlTest::fileContainer);
  }

  private static DynamicNode fileContainer(Path file) {
    List<GoldenFile.Record> records;
    try {
      records = GoldenFile.parse(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    SqlSession session = new SqlSession(new Configuration());
    Path tmp;
    try {
      tmp = Files.createTempDirectory("golden-" + file.getFileName());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    List<GoldenFile.Record> rewritten = new ArrayList<>(records);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      GoldenFile.Record record = records.get(i);
      int index = i;
      boolean last = i == records.size() - 1;
      tests.add(
          DynamicTest.dynamicTest(
              "line " + record.line() + ": " + firstLine(record.sql()),
              () -> {
                try {
                  rewritten.set(index, run(session, record, file, tmp));
                } finally {
                  if (last) {
                    // Each session's cluster holds its network buffers until closed: a file's
                    // session goes with its last record, so the files do not add up in the heap.
                    session.close();
                    if (REWRITE) {
                      writeBack(file, rewritten);
                    }
                  }
                }
              }));
    }
    return DynamicContainer.dynamicContainer(file.getFileName().toString(), tests);
  }

  /**
   * Runs a record; {@code ${tmp}} in its SQL and its rows stands for the file's temporary
   * directory. Returns the record with its actual rows, SQL unchanged, for rewriting.
   */
  private static GoldenFile.Record run(SqlSession session, GoldenFile.Record r, Path file, Path tmp) {
    String where = file.getFileName() + ":" + r.line();
    String sql = r.sql().replace("${tmp}", tmp.toString());
    switch (r.kind()) {
      case STATEMENT_OK -> {
        session.execute(sql);
        return r;
      }
      case STATEMENT_ERROR -> {
        try {
          session.execute(sql);
        } catch (RuntimeException e) {
          assertThat(e.getMessage()).as(where).contains(r.argument());
          return r;
        }
        return fail(where + ": expected an error containing '" + r.argument() + "'");
      }
      default -> {
        StatementResult result = session.execute(sql);
        List<String> actual = new ArrayList<>();
        // Results that name the temporary directory (a source's path in a plan) show it as in the SQL.
        for (String line : render(result, r.argument().contains("changelog"))) {
          actual.add(line.replace(tmp.toString(), "${tmp}"));
        }
        if (r.argument().contains("rowsort")) {
          Collections.sort(actual);
        }
        if (!REWRITE) {
          assertThat(String.join("\n", actual)).as(where).isEqualTo(String.join("\n", r.expected()));
        }
        return new GoldenFile.Record(r.line(), r.kind(), r.argument(), r.sql(), actual, r.comments());
      }
    }
  }

  /**
   * Each row as its fields joined by " | "; a multi-line field spreads over several lines, an
   * empty one shown as {@code <empty line>} because a blank line ends a record. An updating result
   * shows the table its changes leave, or with {@code changelog} each change, its kind first.
   */
  static List<String> render(StatementResult result, boolean changelog) {
    List<String> lines = new ArrayList<>();
    List<Row> rows = result.rows();
    boolean updating = rows.stream().anyMatch(row -> row.kind() != RowKind.INSERT);
    if (updating && !changelog) {
      rows = Changelogs.materialize(rows, result.schema());
    }
    for (Row row : rows) {
      String text = joinFields(row, result);
      if (changelog) {
        text = row.kind().shortString() + " | " + text;
      }
      for (String line : text.split("\n", -1)) {
        lines.add(line.isEmpty() ? "<empty line>" : line);
      }
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).equals("<empty line>")) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static String joinFields(Row row, StatementResult result) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < row.arity(); i++) {
      io.strom.types.LogicalType type = result.schema().fields().get(i).type();
      fields.add(row.isNullAt(i) ? "NULL" : formatField(row, i, type));
    }
    return String.join(" | ", fields);
  }

  /**
   * A field as Flink prints it where the internal value would read otherwise: dates and times
   * (ints of days and milliseconds inside), instants (TIMESTAMP_LTZ, shown in UTC with a 'Z'),
   * binary strings in hex and intervals.
   */
  private static String formatField(Row row, int i, io.strom.types.LogicalType type) {
    return switch (type.root()) {
      case DATE -> java.time.LocalDate.ofEpochDay(row.getInt(i)).toString();
      case TIME_WITHOUT_TIME_ZONE -> java.time.LocalTime.ofNanoOfDay(row.getInt(i) * 1_000_000L).toString();
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          row.getTimestamp(i, ((io.strom.types.LocalZonedTimestampType) type).precision())
                  .toLocalDateTime().toInstant(java.time.ZoneOffset.UTC).toString();
      case BINARY, VARBINARY -> "x'" + java.util.HexFormat.of().formatHex(row.getBinary(i)) + "'";
      case INTERVAL_YEAR_MONTH -> {
        int months = row.getInt(i);
        yield (months < 0 ? "-" : "+") + Math.abs(months) / 12 + "-" + String.format("%02d", Math.abs(months) % 12);
      }
      case INTERVAL_DAY_TIME -> {
        long millis = row.getLong(i);
        long abs = Math.abs(millis);
        yield String.format("%s%d %02d:%02d:%02d.%03d", millis < 0 ? "-" : "+", abs / 86_400_000,
            abs / 3_600_000 % 24, abs / 60_000 % 60, abs / 1000 % 60, abs % 1000);
      }
      default -> InternalValues.format(GenericConverter.get(row, i, type));
    };
  }

  private static String firstLine(String sql) {
    int nl = sql.indexOf('\n');
    return nl < 0 ? sql : sql.substring(0, nl) + " ...";
  }

  private static void writeBack(Path target, List<GoldenFile.Record> records) throws IOException {
    // Rewrite the source file, not the copy under target/.
    Path source = Paths.get("src/test/resources/golden").resolve(target.getFileName());
    Files.writeString(source, GoldenFile.format(records), StandardCharsets.UTF_8);
  }
}
