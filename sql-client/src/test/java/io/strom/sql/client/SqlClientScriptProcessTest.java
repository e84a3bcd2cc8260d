package io.strom.sql.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code strom-sql -f script.sql} as its own process, the way {@code bin/strom-sql} starts
 * it (the configuration directory first on the class path, then the client and its libraries),
 * and checks what a person running a script sees: its exit code and its output.
 */
class SqlClientScriptProcessTest {
  private static final Path CONF_DIR = Paths.get("..", "conf").toAbsolutePath().normalize();
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path dir;

  @Test
  void runsAScriptWithCommentsDdlCtasInsertSelectAndQuit() throws Exception {
    String script = String.join("\n",
        "-- Three numbers, then a table made from them and one copied from that.",
        "CREATE TABLE numbers (id BIGINT) WITH (",
        "  'connector' = 'datagen', /* a bounded sequence */ 'number-of-rows' = '3',",
        "  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');",
        "/* A table created from a query;",
        "   the comment spans lines; and has a ; inside. */",
        "CREATE TABLE doubled WITH ('connector' = 'filesystem', 'path' = '" + dir.resolve("doubled")
            + "', 'format' = 'csv') AS SELECT id, id * 2 AS twice FROM numbers;",
        "CREATE TABLE copied (id BIGINT, twice BIGINT) WITH ('connector' = 'filesystem',",
        "  'path' = '" + dir.resolve("copied") + "', 'format' = 'csv');",
        "INSERT INTO copied SELECT id, twice FROM doubled WHERE id > 1; -- only two rows",
        "SELECT id, twice, '--not a comment' AS note FROM copied ORDER BY id LIMIT 10;",
        "QUIT; -- ends the script: what follows is never read",
        "this is not SQL;",
        "");

    Run run = runScript(script);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .startsWith("[INFO] Execute statement succeeded.\n")
        // The CTAS, then the INSERT: each reports the rows it wrote.
        .contains(rowsWritten(3) + "\n[INFO] Execute statement succeeded.\n\n" + rowsWritten(2))
        .contains(String.join("\n",
            "+----+----------------------+----------------------+--------------------------------+",
            "| op |                   id |                twice |                           note |",
            "+----+----------------------+----------------------+--------------------------------+",
            "| +I |                    2 |                    4 |                --not a comment |",
            "| +I |                    3 |                    6 |                --not a comment |",
            "+----+----------------------+----------------------+--------------------------------+",
            "2 rows in set"))
        .doesNotContain("[ERROR]");
    assertThat(Files.readString(firstFileUnder(dir.resolve("copied")))).contains("2,4", "3,6");
  }

  @Test
  void stopsAtABadStatementWithItsPositionAndNoStackTrace() throws Exception {
    String script = String.join("\n",
        "CREATE TABLE t (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '1');",
        "-- the next statement names a column t does not have",
        "SELECT a, nope FROM t;",
        "SHOW TABLES;",
        "");

    Run run = runScript(script);

    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.output())
        .contains("[ERROR] Could not execute SQL statement.")
        .contains("line 3, column 11")
        .contains("nope")
        .doesNotContain("\tat ")
        .doesNotContain("table name");
  }

  private static String rowsWritten(int rows) {
    return String.join("\n",
        "+--------------+",
        "| rows written |",
        "+--------------+",
        String.format("| %12d |", rows),
        "+--------------+",
        "1 row in set",
        "");
  }

  private record Run(int exitCode, String output) {}

  private Run runScript(String script) throws IOException, InterruptedException {
    Path file = dir.resolve("script.sql");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
    String classPath = CONF_DIR + File.pathSeparator + System.getProperty("java.class.path");
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(java.toString(), "-Xmx512m", "-cp", classPath, SqlClient.class.getName(),
                "-f", file.toString()));
    builder.environment().put("STROM_CONF_DIR", CONF_DIR.toString());
    builder.redirectErrorStream(true);
    Path log = dir.resolve("output.txt");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("strom-sql -f did not finish in " + TIMEOUT_SECONDS + " s:\n"
          + Files.readString(log));
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static Path firstFileUnder(Path directory) throws IOException {
    try (var files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .findFirst()
          .orElseThrow(() -> new AssertionError("No file written under " + directory));
    }
  }
}
