package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A window join's held rows and window timers survive a savepoint, on either state backend: the
 * left table runs ahead of the right one, so when the insert stops many left rows wait in the
 * join's state for their windows to fire; the resumed insert joins them, and every pair is
 * written exactly once.
 */
class WindowJoinSavepointSqlTest {
  private static final int ROWS = 20_000;

  @TempDir Path tmp;

  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void rowsWaitingInTheJoinAtTheSavepointAreJoinedAfterTheRestore(String backend)
      throws Exception {
    Path output = tmp.resolve("out");
    session.execute("SET 'state.backend.type' = '" + backend + "'");
    session.execute("SET 'execution.checkpointing.interval' = '100ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + tmp.resolve("checkpoints") + "'");
    session.execute(
        "SET 'execution.checkpointing.savepoint-dir' = '" + tmp.resolve("savepoints") + "'");
    // Row v happens at v * 10 ms after a day; the left table produces rows twice as fast as the
    // right one, so its rows wait for the right table's watermark.
    for (String[] table : new String[][] {{"fast", "4000"}, {"slow", "2000"}}) {
      session.execute(
          "CREATE TABLE " + table[0] + " (v BIGINT, ts AS TO_TIMESTAMP_LTZ(86400000 + v * 10, 3),"
              + " WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
              + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '0',"
              + " 'fields.v.end' = '" + (ROWS - 1) + "', 'rows-per-second' = '" + table[1] + "')");
    }
    session.execute(
        "CREATE TABLE out_rows (v BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + output
            + "', 'format' = 'csv')");
    String insert = "INSERT INTO out_rows SELECT f.v"
        + " FROM (SELECT * FROM TABLE(TUMBLE(TABLE fast, DESCRIPTOR(ts), INTERVAL '1' SECOND))) f"
        + " JOIN (SELECT * FROM TABLE(TUMBLE(TABLE slow, DESCRIPTOR(ts), INTERVAL '1' SECOND))) s"
        + " ON f.v = s.v AND f.window_start = s.window_start AND f.window_end = s.window_end";
    assertThat(SessionJobs.field(session.execute("EXPLAIN " + insert), 0, 0))
        .contains("WindowJoin(");

    // A bounded insert waits for its job, so it runs on a thread of its own.
    CompletableFuture<StatementResult> firstRun =
        CompletableFuture.supplyAsync(() -> session.execute(insert));
    String jobId = SessionJobs.awaitRunningJob(session);
    SessionJobs.awaitCommittedRows(output);
    StatementResult stopped = session.execute("STOP JOB '" + jobId + "' WITH SAVEPOINT");
    String savepoint = SessionJobs.field(stopped, 0, 0);
    firstRun.get(30, TimeUnit.SECONDS);
    long committed = SessionJobs.committedRows(output).size();
    assertThat(committed).isBetween(1L, ROWS - 1L);

    session.execute("SET 'execution.state-recovery.path' = '" + savepoint + "'");
    session.execute(insert);

    List<Long> rows = SessionJobs.committedRows(output);
    assertThat(rows.stream().distinct().count()).isEqualTo(ROWS);
    assertThat(rows).hasSize(ROWS);
  }
}
