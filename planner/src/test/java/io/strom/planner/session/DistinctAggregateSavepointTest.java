package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The values DISTINCT aggregations have seen, counted per FILTER in one view per column, survive a
 * savepoint on either state backend: a window aggregation stopped in the middle of a window and
 * resumed gives every window's distinct counts once, over all of the window's rows.
 */
class DistinctAggregateSavepointTest {
  private static final int ROWS = 20_000;
  private static final int ROWS_PER_WINDOW = 1_000;

  @TempDir Path tmp;

  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void distinctValuesSurviveAStopWithSavepointAndResume(String backend) throws Exception {
    Path output = tmp.resolve("out");
    session.execute("SET 'state.backend.type' = '" + backend + "'");
    session.execute("SET 'execution.checkpointing.interval' = '100ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + tmp.resolve("checkpoints") + "'");
    session.execute(
        "SET 'execution.checkpointing.savepoint-dir' = '" + tmp.resolve("savepoints") + "'");
    session.execute("SET 'pipeline.auto-watermark-interval' = '0'");
    // Row v happens at millisecond v: each one-second window holds 1,000 consecutive values.
    session.execute(
        "CREATE TABLE seq (v BIGINT, ts AS TO_TIMESTAMP_LTZ(v, 3), WATERMARK FOR ts AS ts)"
            + " WITH ('connector' = 'datagen', 'fields.v.kind' = 'sequence',"
            + " 'fields.v.start' = '0', 'fields.v.end' = '" + (ROWS - 1) + "',"
            + " 'rows-per-second' = '4000')");
    session.execute("CREATE TABLE counts (first_v BIGINT, hundreds BIGINT, even_hundreds BIGINT,"
        + " odd_sevens BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + output
        + "', 'format' = 'csv')");
    String insert = "INSERT INTO counts SELECT MIN(v), COUNT(DISTINCT MOD(v, 100)),"
        + " COUNT(DISTINCT MOD(v, 100)) FILTER (WHERE MOD(v, 2) = 0),"
        + " COUNT(DISTINCT MOD(v, 7)) FILTER (WHERE MOD(v, 2) = 1)"
        + " FROM TABLE(TUMBLE(TABLE seq, DESCRIPTOR(ts), INTERVAL '1' SECOND))"
        + " GROUP BY window_start, window_end";

    CompletableFuture<StatementResult> firstRun =
        CompletableFuture.supplyAsync(() -> session.execute(insert));
    String jobId = SessionJobs.awaitRunningJob(session);
    SessionJobs.awaitCommittedRows(output);
    StatementResult stopped = session.execute("STOP JOB '" + jobId + "' WITH SAVEPOINT");
    String savepoint = SessionJobs.field(stopped, 0, 0);
    firstRun.get(30, TimeUnit.SECONDS);
    assertThat(SessionJobs.committedLines(output)).hasSizeLessThan(ROWS / ROWS_PER_WINDOW);

    session.execute("SET 'execution.state-recovery.path' = '" + savepoint + "'");
    session.execute(insert);

    // Every window sees all 100 remainders of 100, the 50 even ones among its even values, and
    // all 7 remainders of 7 among its odd values.
    List<String> expected = IntStream.range(0, ROWS / ROWS_PER_WINDOW)
        .mapToObj(k -> (k * ROWS_PER_WINDOW) + ",100,50,7").toList();
    assertThat(SessionJobs.committedLines(output)).containsExactlyInAnyOrderElementsOf(expected);
  }
}
