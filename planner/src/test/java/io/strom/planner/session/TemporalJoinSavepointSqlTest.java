package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An event-time temporal join's waiting rows, versions and timers survive a savepoint: the orders
 * run ahead of the rates, so when the insert stops many orders wait in the join's state for the
 * rates' watermark; the resumed insert joins them, and every order is written exactly once.
 */
class TemporalJoinSavepointSqlTest {
  private static final int ROWS = 20_000;

  @TempDir Path tmp;

  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @Test
  void ordersWaitingInTheJoinAtTheSavepointAreJoinedAfterTheRestore() throws Exception {
    Path output = tmp.resolve("out");
    session.execute("SET 'execution.checkpointing.interval' = '100ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + tmp.resolve("checkpoints") + "'");
    session.execute(
        "SET 'execution.checkpointing.savepoint-dir' = '" + tmp.resolve("savepoints") + "'");
    // Order v and the first version of rate v both happen at v * 10 ms after a day; orders come
    // twice as fast as rates. Rate v's version is current at order v's time, so each order joins.
    session.execute(
        "CREATE TABLE orders (v BIGINT, ts AS TO_TIMESTAMP_LTZ(86400000 + v * 10, 3),"
            + " WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
            + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '0',"
            + " 'fields.v.end' = '" + (ROWS - 1) + "', 'rows-per-second' = '4000')");
    session.execute(
        "CREATE TABLE rates (v BIGINT, ts AS TO_TIMESTAMP_LTZ(86400000 + v * 10, 3),"
            + " PRIMARY KEY (v) NOT ENFORCED, WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
            + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '0',"
            + " 'fields.v.end' = '" + (ROWS - 1) + "', 'rows-per-second' = '2000')");
    session.execute(
        "CREATE TABLE out_rows (v BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + output
            + "', 'format' = 'csv')");
    String insert = "INSERT INTO out_rows SELECT r.v FROM orders o"
        + " JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.v = r.v";
    assertThat(SessionJobs.field(session.execute("EXPLAIN " + insert), 0, 0))
        .contains("TemporalJoin(");

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
