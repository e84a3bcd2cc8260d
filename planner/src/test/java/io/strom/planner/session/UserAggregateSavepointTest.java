package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.data.InternalValues;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accumulators of a user-defined aggregate function are state like any other: a window
 * aggregation stopped with a savepoint in the middle of a window and resumed from it gives every
 * window's result once, computed over all of the window's rows.
 */
class UserAggregateSavepointTest {
  private static final int ROWS = 20_000;
  private static final int ROWS_PER_WINDOW = 1_000;

  @TempDir Path tmp;

  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @Test
  void windowAccumulatorsSurviveAStopWithSavepointAndResume() throws Exception {
    Path output = tmp.resolve("out");
    session.execute("SET 'execution.checkpointing.interval' = '100ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + tmp.resolve("checkpoints") + "'");
    session.execute(
        "SET 'execution.checkpointing.savepoint-dir' = '" + tmp.resolve("savepoints") + "'");
    session.execute("SET 'pipeline.auto-watermark-interval' = '0'");
    session.execute("CREATE FUNCTION wavg AS 'io.strom.planner.testing.WeightedAvgFunction'");
    // Row v happens at millisecond v: each one-second window holds 1,000 consecutive values.
    session.execute(
        "CREATE TABLE seq (v BIGINT, ts AS TO_TIMESTAMP_LTZ(v, 3), WATERMARK FOR ts AS ts)"
            + " WITH ('connector' = 'datagen', 'fields.v.kind' = 'sequence',"
            + " 'fields.v.start' = '0', 'fields.v.end' = '" + (ROWS - 1) + "',"
            + " 'rows-per-second' = '4000')");
    session.execute("CREATE TABLE averages (a BIGINT) WITH ('connector' = 'filesystem', 'path' = '"
        + output + "', 'format' = 'csv')");
    String insert = "INSERT INTO averages SELECT wavg(v, 1) FROM TABLE(TUMBLE(TABLE seq,"
        + " DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end";

    CompletableFuture<StatementResult> firstRun =
        CompletableFuture.supplyAsync(() -> session.execute(insert));
    String jobId = SessionJobs.awaitRunningJob(session);
    SessionJobs.awaitCommittedRows(output);
    StatementResult stopped = session.execute("STOP JOB '" + jobId + "' WITH SAVEPOINT");
    String savepoint = InternalValues.format(stopped.rows().get(0).getString(0));
    firstRun.get(30, TimeUnit.SECONDS);
    assertThat(SessionJobs.committedRows(output)).hasSizeLessThan(ROWS / ROWS_PER_WINDOW);

    session.execute("SET 'execution.state-recovery.path' = '" + savepoint + "'");
    session.execute(insert);

    // Window k holds v = 1000k .. 1000k + 999, whose average is 1000k + 499 (rounded down).
    List<Long> expected = LongStream.range(0, ROWS / ROWS_PER_WINDOW)
        .map(k -> k * ROWS_PER_WINDOW + ROWS_PER_WINDOW / 2 - 1).boxed().toList();
    assertThat(SessionJobs.committedRows(output)).containsExactlyInAnyOrderElementsOf(expected);
  }

}
