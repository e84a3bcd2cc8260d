package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.data.InternalValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What tests of stopping and resuming jobs wait for and read: running jobs, committed files. */
final class SessionJobs {
  private SessionJobs() {}

  /** The value at {@code row}, {@code column} of a result, as text. */
  static String field(StatementResult result, int row, int column) {
    return InternalValues.format(result.rows().get(row).getString(column));
  }

  /** The id of the session's running job, once SHOW JOBS lists one as RUNNING (within 30 s). */
  static String awaitRunningJob(SqlSession session) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      StatementResult jobs = session.execute("SHOW JOBS");
      if (!jobs.rows().isEmpty() && field(jobs, 0, 2).equals("RUNNING")) {
        return field(jobs, 0, 0);
      }
      assertThat(System.nanoTime()).as("a running job within 30 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** Waits until a filesystem sink under {@code output} has committed a row (within 30 s). */
  static void awaitCommittedRows(Path output) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (committedLines(output).isEmpty()) {
      assertThat(System.nanoTime()).as("committed rows within 30 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** The lines of the visible (committed) part files under {@code output}. */
  static List<String> committedLines(Path output) throws Exception {
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(output)) {
      return lines;
    }
    try (Stream<Path> files = Files.list(output)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
        lines.addAll(Files.readAllLines(file));
      }
    }
    return lines;
  }

  /** The committed lines of a single BIGINT column, as numbers. */
  static List<Long> committedRows(Path output) throws Exception {
    return committedLines(output).stream().map(Long::parseLong).toList();
  }
}
