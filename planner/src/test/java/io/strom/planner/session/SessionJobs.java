package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.data.InternalValues;
import io.strom.runtime.checkpoint.CheckpointStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The steps of tests that stop and resume jobs: savepoint settings, an insert run and stopped with
 * a savepoint, resuming from it, and what they wait for and read (running jobs, completed
 * checkpoints, committed files).
 */
final class SessionJobs {
  private SessionJobs() {}

  /** An insert stopped with a savepoint: STOP JOB's result and the insert's own. */
  record StoppedInsert(StatementResult stop, StatementResult insert) {
    /** The path of the savepoint the job was stopped with. */
    String savepoint() {
      return field(stop, 0, 0);
    }
  }

  /** What to wait for, once the insert's job runs, before stopping it. */
  @FunctionalInterface
  interface ReadyToStop {
    void await(String jobId) throws Exception;
  }

  /**
   * Checkpoints every 100 ms, so that a sink commits soon after its job starts, with checkpoints
   * under {@code dir/checkpoints} and savepoints under {@code dir/savepoints}.
   */
  static void enableSavepoints(SqlSession session, Path dir) {
    session.execute("SET 'execution.checkpointing.interval' = '100ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + dir.resolve("checkpoints") + "'");
    session.execute(
        "SET 'execution.checkpointing.savepoint-dir' = '" + dir.resolve("savepoints") + "'");
  }

  /** The session's next jobs start from {@code savepoint}. */
  static void resumeFrom(SqlSession session, String savepoint) {
    session.execute("SET 'execution.state-recovery.path' = '" + savepoint + "'");
  }

  /** Runs a bounded insert until its sink committed rows under {@code output}, then stops it. */
  static StoppedInsert stopWithSavepointOnceCommitted(
      SqlSession session, String insert, Path output) throws Exception {
    return stopOnceReady(session, insert, jobId -> awaitCommittedRows(output), "WITH SAVEPOINT");
  }

  /**
   * Runs a bounded insert, waits until its job runs and {@code ready}, then stops it with {@code
   * STOP JOB '<id>' <stopClause>} and waits for the insert to return (within 30 s). A bounded
   * insert waits for its job, so it runs on a thread of its own.
   */
  static StoppedInsert stopOnceReady(
      SqlSession session, String insert, ReadyToStop ready, String stopClause) throws Exception {
    CompletableFuture<StatementResult> run =
        CompletableFuture.supplyAsync(() -> session.execute(insert));
    String jobId = awaitRunningJob(session);
    ready.await(jobId);
    StatementResult stop = session.execute("STOP JOB '" + jobId + "' " + stopClause);
    return new StoppedInsert(stop, run.get(30, TimeUnit.SECONDS));
  }

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

  /**
   * Waits until the job has completed a checkpoint under {@code checkpoints} (within 30 s): its
   * sources have then run for at least a checkpoint interval.
   */
  static void awaitCompletedCheckpoint(Path checkpoints, String jobId) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!hasCompletedCheckpoint(checkpoints.resolve(jobId))) {
      assertThat(System.nanoTime()).as("a completed checkpoint within 30 s").isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private static boolean hasCompletedCheckpoint(Path jobCheckpoints) throws Exception {
    if (!Files.isDirectory(jobCheckpoints)) {
      return false;
    }
    try (Stream<Path> checkpoints = Files.list(jobCheckpoints)) {
      return checkpoints.anyMatch(dir -> dir.getFileName().toString().startsWith("chk-")
          && Files.exists(dir.resolve(CheckpointStorage.METADATA_FILE)));
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
