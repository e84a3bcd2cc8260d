package io.strom.benchmarks;

import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.planner.session.SqlSession;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A SQL query with a filter and three projected expressions into a blackhole table, reading a
 * bounded JSON file (decoding is the hot path) or generated rows. Timing covers planning, code
 * generation and the whole job.
 */
final class SqlFilterProjectBenchmark implements ThroughputBenchmark {

  /** Where the rows come from. */
  enum Input {
    JSON_FILE,
    DATAGEN
  }

  private final Input input;
  private Path file;
  private long fileRecords = -1;

  SqlFilterProjectBenchmark(Input input) {
    this.input = input;
  }

  @Override
  public String name() {
    return input == Input.JSON_FILE ? "sql-json" : "sql-gen";
  }

  @Override
  public String description() {
    return "SQL filter + 3 projections, " + (input == Input.JSON_FILE ? "JSON file" : "datagen")
        + " -> blackhole";
  }

  @Override
  public double run(long records, int parallelism) throws Exception {
    Configuration settings = new Configuration();
    settings.set(PipelineOptions.DEFAULT_PARALLELISM, parallelism);
    try (SqlSession session = new SqlSession(settings)) {
      String columns = "id BIGINT, name STRING, price DOUBLE, category INT, ts TIMESTAMP(3)";
      if (input == Input.JSON_FILE) {
        session.execute(
            "CREATE TABLE src (" + columns + ") WITH ('connector' = 'filesystem', 'path' = '"
                + jsonFile(records) + "', 'format' = 'json')");
      } else {
        session.execute(
            "CREATE TABLE src (" + columns + ") WITH ('connector' = 'datagen', 'rows-per-second' = '0',"
                + " 'number-of-rows' = '" + records + "', 'fields.name.length' = '12')");
      }
      session.execute(
          "CREATE TABLE sink (id BIGINT, cents BIGINT, label STRING) WITH ('connector' = 'blackhole')");
      long start = System.nanoTime();
      session.execute(
          "INSERT INTO sink SELECT id, CAST(price * 100 AS BIGINT), CONCAT(UPPER(name), '-',"
              + " CAST(category AS STRING)) FROM src WHERE category <> 3");
      return records / ((System.nanoTime() - start) / 1e9);
    }
  }

  /** A JSON file of {@code records} lines, written once per size. */
  private Path jsonFile(long records) throws IOException {
    if (file != null && fileRecords == records) {
      return file;
    }
    Path dir = Files.createTempDirectory("strom-bench-json");
    dir.toFile().deleteOnExit();
    Path out = dir.resolve("orders.json");
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (long i = 0; i < records; i++) {
        w.write(
            String.format(
                Locale.ROOT,
                "{\"id\": %d, \"name\": \"customer-%d\", \"price\": %.2f, \"category\": %d,"
                    + " \"ts\": \"2024-03-15 10:%02d:%02d.%03d\"}%n",
                i, i % 10_000, (i % 977) / 7.0, i % 10, (i / 60) % 60, i % 60, i % 1000));
      }
    }
    out.toFile().deleteOnExit();
    file = dir;
    fileRecords = records;
    return dir;
  }
}
