package io.strom.planner.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import io.strom.planner.testing.TestValuesTableFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CSV and JSON through the filesystem connector from SQL: rows written by one table are read back
 * by another; a malformed line fails the query naming the file and line, or is skipped with
 * {@code <format>.ignore-parse-errors}.
 */
class FileRoundTripTest {
  private final SqlSession session = new SqlSession(new Configuration());

  @TempDir Path dir;

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private static List<String> rows(StatementResult result) {
    List<String> out = new ArrayList<>();
    for (Row row : result.rows()) {
      out.add(io.strom.data.GenericConverter.format(row, result.schema()));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  void writesAndReadsBackEveryTypeIncludingNulls(String format) throws Exception {
    List<Row> rows =
        List.of(
            GenericRow.of(1L, "apple", new BigDecimal("2.50"), true, LocalDate.of(2024, 3, 15),
                LocalDateTime.of(2024, 3, 15, 10, 30, 45, 123_000_000), 0.5),
            GenericRow.of(2L, null, null, null, null, null, null),
            GenericRow.of(3L, "with, comma \"and quotes\"", new BigDecimal("-0.01"), false,
                LocalDate.of(1969, 12, 31), LocalDateTime.of(1969, 12, 31, 23, 59, 59), -1e10));
    String columns =
        "id BIGINT, name STRING, price DECIMAL(10, 2), ok BOOLEAN, d DATE, happened TIMESTAMP(3),"
            + " score DOUBLE";
    session.execute(
        "CREATE TABLE src (" + columns + ") WITH ('connector' = 'test-values', 'data-id' = '"
            + TestValuesTableFactory.register(rows) + "')");
    String nulls = format.equals("csv") ? ", 'csv.null-literal' = 'NULL'" : "";
    session.execute(
        "CREATE TABLE files (" + columns + ") WITH ('connector' = 'filesystem', 'path' = '"
            + dir.resolve("out") + "', 'format' = '" + format + "'" + nulls + ")");
    session.execute("INSERT INTO files SELECT * FROM src");

    List<String> written = rows(session.execute("SELECT * FROM src"));
    List<String> read = rows(session.execute("SELECT * FROM files"));
    assertThat(read).hasSize(3).containsExactlyInAnyOrderElementsOf(written);
    assertThat(written).contains("+I[2, null, null, null, null, null, null]");
  }

  private Path fileWith(String name, String... lines) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    Files.write(folder.resolve("part-0"), List.of(lines));
    return folder;
  }

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  void malformedLineFailsTheQueryWithFileLineAndReason(String format) throws Exception {
    Path folder =
        format.equals("csv")
            ? fileWith("bad", "1,apple,2.50", "2,pear,cheap", "3,fig,1.00")
            : fileWith(
                "bad",
                "{\"id\": 1, \"name\": \"apple\", \"price\": 2.50}",
                "{\"id\": 2, \"name\": \"pear\", \"price\": \"cheap\"}",
                "{\"id\": 3, \"name\": \"fig\", \"price\": 1.00}");
    session.execute(
        "CREATE TABLE fruit (id BIGINT, name STRING, price DECIMAL(10, 2)) WITH ("
            + "'connector' = 'filesystem', 'path' = '" + folder + "', 'format' = '" + format + "')");

    assertThatThrownBy(() -> session.execute("SELECT * FROM fruit"))
        .hasMessageContaining("line 2")
        .hasMessageContaining(folder.resolve("part-0").toString())
        .hasMessageContaining("price");

    session.execute(
        "ALTER TABLE fruit SET ('" + format + ".ignore-parse-errors' = 'true')");
    List<String> rows = rows(session.execute("SELECT id, name, price FROM fruit"));
    assertThat(rows).containsExactlyInAnyOrder("+I[1, apple, 2.50]", "+I[3, fig, 1.00]");
    // A query that does not read the malformed column never decodes it (projection push-down).
    assertThat(rows(session.execute("SELECT id, name FROM fruit"))).hasSize(3);
  }
}
