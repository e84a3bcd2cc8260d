package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code STOP JOB '<id>' WITH SAVEPOINT} and {@code SET 'execution.state-recovery.path'}: an
 * insert stopped with a savepoint and started again from it writes every row exactly once; a
 * changed query that cannot use the savepoint's state is rejected, naming the operator.
 */
class SavepointSqlTest {
  private static final int ROWS = 20_000;

  @TempDir Path tmp;

  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private void createTables(Path output) {
    session.execute("SET 'execution.checkpointing.interval' = '100ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + tmp.resolve("checkpoints") + "'");
    session.execute(
        "SET 'execution.checkpointing.savepoint-dir' = '" + tmp.resolve("savepoints") + "'");
    for (String table : new String[] {"seq", "other_seq"}) {
      session.execute(
          "CREATE TABLE " + table + " (v BIGINT) WITH ('connector' = 'datagen',"
              + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '0',"
              + " 'fields.v.end' = '" + (ROWS - 1) + "', 'rows-per-second' = '5000')");
    }
    session.execute(
        "CREATE TABLE out_rows (v BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + output
            + "', 'format' = 'csv')");
  }

  @Test
  void insertStoppedWithASavepointResumesFromItAndWritesEveryRowOnce() throws Exception {
    Path output = tmp.resolve("out");
    createTables(output);
    // A bounded insert waits for its job, so it runs on a thread of its own.
    CompletableFuture<StatementResult> firstRun =
        CompletableFuture.supplyAsync(() -> session.execute("INSERT INTO out_rows SELECT v FROM seq"));
    String jobId = SessionJobs.awaitRunningJob(session);
    SessionJobs.awaitCommittedRows(output);

    StatementResult stopped = session.execute("STOP JOB '" + jobId + "' WITH SAVEPOINT");
    String savepoint = SessionJobs.field(stopped, 0, 0);
    assertThat(stopped.schema().fieldNames()).containsExactly("savepoint path");
    assertThat(Path.of(savepoint).getParent()).isEqualTo(tmp.resolve("savepoints").toAbsolutePath());
    long written = Long.parseLong(SessionJobs.field(firstRun.get(30, TimeUnit.SECONDS), 0, 0));
    // Rows written after the savepoint's barrier, before the job stopped, are never committed:
    // the resumed job writes them again.
    long committed = SessionJobs.committedRows(output).size();
    assertThat(committed).isBetween(1L, ROWS - 1L);
    assertThat(written).isGreaterThanOrEqualTo(committed);

    session.execute("SET 'execution.state-recovery.path' = '" + savepoint + "'");
    StatementResult resumed = session.execute("INSERT INTO out_rows SELECT v FROM seq");

    assertThat(Long.parseLong(SessionJobs.field(resumed, 0, 0))).isEqualTo(ROWS - committed);
    List<Long> rows = SessionJobs.committedRows(output);
    assertThat(rows).hasSize(ROWS);
    assertThat(rows.stream().distinct().count()).isEqualTo(ROWS);

    // The sink writes the same table, so it keeps its state: only the old source's is left over.
    assertThatThrownBy(() -> session.execute("INSERT INTO out_rows SELECT v FROM other_seq"))
        .hasMessageContaining("holds state of operator ")
        .hasMessageContaining("'seq[datagen(")
        .hasMessageContaining("which this job does not have");
  }

  /** Rows of each side of the join below: each value once per side. */
  private static final int JOIN_ROWS = 6_000;

  /** A join's (and its aggregate's) state, counted per value; the sink sees each value once. */
  private static final String JOIN_COUNTS =
      "INSERT INTO join_counts SELECT a.v, COUNT(a.w) FROM (SELECT v, CAST(w AS INT) AS w FROM"
          + " left_seq) a JOIN right_seq b ON a.v = b.v GROUP BY a.v";

  private void createJoinTables(Path output) {
    session.execute("SET 'execution.checkpointing.interval' = '100ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + tmp.resolve("checkpoints") + "'");
    session.execute(
        "SET 'execution.checkpointing.savepoint-dir' = '" + tmp.resolve("savepoints") + "'");
    session.execute(
        "CREATE TABLE left_seq (v BIGINT, w BIGINT) WITH ('connector' = 'datagen',"
            + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '0', 'fields.v.end' = '"
            + (JOIN_ROWS - 1) + "', 'fields.w.kind' = 'sequence', 'fields.w.start' = '0',"
            + " 'fields.w.end' = '" + (JOIN_ROWS - 1) + "', 'rows-per-second' = '2000')");
    // The right side runs ahead: most of its rows wait in the join's state for their partner.
    session.execute(
        "CREATE TABLE right_seq (v BIGINT) WITH ('connector' = 'datagen',"
            + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '0', 'fields.v.end' = '"
            + (JOIN_ROWS - 1) + "', 'rows-per-second' = '20000')");
    session.execute(
        "CREATE TABLE join_counts (v BIGINT, n BIGINT) WITH ('connector' = 'filesystem',"
            + " 'path' = '" + output + "', 'format' = 'debezium-json')");
  }

  /** Runs {@link #JOIN_COUNTS} until it committed rows, stops it with a savepoint; its path. */
  private String savepointOfTheJoin(Path output) throws Exception {
    CompletableFuture<StatementResult> run =
        CompletableFuture.supplyAsync(() -> session.execute(JOIN_COUNTS));
    String jobId = SessionJobs.awaitRunningJob(session);
    SessionJobs.awaitCommittedRows(output);
    String savepoint =
        SessionJobs.field(session.execute("STOP JOB '" + jobId + "' WITH SAVEPOINT"), 0, 0);
    run.get(30, TimeUnit.SECONDS);
    return savepoint;
  }

  @Test
  void joinWhoseInputProjectionChangedIsRejectedNamingTheJoin() throws Exception {
    createJoinTables(tmp.resolve("out"));
    session.execute("SET 'execution.state-recovery.path' = '" + savepointOfTheJoin(tmp.resolve("out")) + "'");

    // The left input's w is now a BIGINT: rows in the join's state have another layout. The plan
    // has the same operators in the same places, so only the join's uid tells the difference.
    assertThatThrownBy(() -> session.execute(
            "INSERT INTO join_counts SELECT a.v, COUNT(a.w) FROM (SELECT v, w * 2 AS w FROM"
                + " left_seq) a JOIN right_seq b ON a.v = b.v GROUP BY a.v"))
        .hasMessageContaining("holds state of operators ")
        .hasMessageContaining("'Join-")
        .hasMessageContaining("which this job does not have");
  }

  @Test
  void aggregateAfterAJoinThatChangedIsRejectedNamingTheAggregate() throws Exception {
    createJoinTables(tmp.resolve("out"));
    session.execute("SET 'execution.state-recovery.path' = '" + savepointOfTheJoin(tmp.resolve("out")) + "'");

    assertThatThrownBy(() -> session.execute(
            "INSERT INTO join_counts SELECT a.v, MAX(a.w) FROM (SELECT v, CAST(w AS INT) AS w"
                + " FROM left_seq) a JOIN right_seq b ON a.v = b.v GROUP BY a.v"))
        .hasMessageContaining("'GroupAggregate-")
        .hasMessageContaining("which this job does not have")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("'Join-"));
  }

  @Test
  void unchangedJoinRestoresItsStateAndMatchesEveryValueExactlyOnce() throws Exception {
    Path output = tmp.resolve("out");
    createJoinTables(output);
    session.execute("SET 'execution.state-recovery.path' = '" + savepointOfTheJoin(output) + "'");

    session.execute(JOIN_COUNTS);

    // Each value joins once, so the count of each is 1 and is never updated: a row of the right
    // side whose state were lost on restore would leave its value out.
    List<String> lines = SessionJobs.committedLines(output);
    assertThat(lines).hasSize(JOIN_ROWS).allMatch(line -> line.contains("\"op\":\"c\""));
    assertThat(lines.stream()
            .map(line -> line.replaceAll(".*\"after\":\\{\"v\":(\\d+),\"n\":(\\d+)}.*", "$1:$2"))
            .distinct()
            .filter(vn -> vn.endsWith(":1")))
        .hasSize(JOIN_ROWS);
  }

  /** Rows of {@link #AGGREGATES}' source: values 0 to 5999, ten keys of 600 rows each. */
  private static final int AGG_ROWS = 6_000;

  private static final String AGGREGATES =
      "INSERT INTO agg_out SELECT k, n, s FROM (SELECT v % 10 AS k, COUNT(w) AS n, SUM(w) AS s"
          + " FROM agg_seq GROUP BY v % 10)";

  private void createAggregateTables(Path output) {
    session.execute("SET 'execution.checkpointing.interval' = '100ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + tmp.resolve("checkpoints") + "'");
    session.execute(
        "SET 'execution.checkpointing.savepoint-dir' = '" + tmp.resolve("savepoints") + "'");
    session.execute(
        "CREATE TABLE agg_seq (v BIGINT, w BIGINT) WITH ('connector' = 'datagen',"
            + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '0', 'fields.v.end' = '"
            + (AGG_ROWS - 1) + "', 'fields.w.kind' = 'sequence', 'fields.w.start' = '0',"
            + " 'fields.w.end' = '" + (AGG_ROWS - 1) + "', 'rows-per-second' = '2000')");
    session.execute(
        "CREATE TABLE agg_out (k BIGINT, n BIGINT, s BIGINT) WITH ('connector' = 'filesystem',"
            + " 'path' = '" + output + "', 'format' = 'debezium-json')");
  }

  /** Runs {@link #AGGREGATES} until it committed rows, stops it with a savepoint; its path. */
  private String savepointOfTheAggregates(Path output) throws Exception {
    CompletableFuture<StatementResult> run =
        CompletableFuture.supplyAsync(() -> session.execute(AGGREGATES));
    String jobId = SessionJobs.awaitRunningJob(session);
    SessionJobs.awaitCommittedRows(output);
    String savepoint =
        SessionJobs.field(session.execute("STOP JOB '" + jobId + "' WITH SAVEPOINT"), 0, 0);
    run.get(30, TimeUnit.SECONDS);
    return savepoint;
  }

  @Test
  void aggregateWhoseStateChangesMeaningIsRejectedNamingItsReplacement() throws Exception {
    Path output = tmp.resolve("out");
    createAggregateTables(output);
    session.execute(
        "SET 'execution.state-recovery.path' = '" + savepointOfTheAggregates(output) + "'");

    // Each change keeps the aggregate's output type: only its state signature tells them apart.
    for (String changed : List.of(
        AGGREGATES.replace("COUNT(w)", "COUNT(DISTINCT w)"),
        AGGREGATES.replace("SUM(w)", "MAX(w)"),
        AGGREGATES.replace("v % 10", "w % 10"),
        AGGREGATES.replace("v % 10", "v % 7"))) {
      assertThatThrownBy(() -> session.execute(changed))
          .as(changed)
          .hasMessageContaining("holds state of operator 'GroupAggregate-")
          .hasMessageMatching("(?s).*\\(this job has 'GroupAggregate-[0-9a-f]+' in its place\\).*")
          .hasMessageContaining("execution.state-recovery.ignore-unclaimed-state")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("agg_seq["));
    }

    // Dropping the aggregate's state starts the changed query with an empty one.
    int linesBefore = SessionJobs.committedLines(output).size();
    session.execute("SET 'execution.state-recovery.ignore-unclaimed-state' = 'true'");
    session.execute(AGGREGATES.replace("SUM(w)", "MAX(w)"));
    assertThat(SessionJobs.committedLines(output).size()).isGreaterThan(linesBefore);
    // Neither run counted all 600 rows of a key: the second one started from an empty count.
    assertThat(latestPerKey(output).values()).allMatch(ns -> ns.get(0) < 600L);
  }

  @Test
  void aggregateUnderAChangedProjectionRestoresItsStateWithExactResults() throws Exception {
    Path output = tmp.resolve("out");
    createAggregateTables(output);
    session.execute(
        "SET 'execution.state-recovery.path' = '" + savepointOfTheAggregates(output) + "'");

    // A stateless projection above the aggregate: the same state, read on with another output.
    session.execute(AGGREGATES.replace("SELECT k, n, s FROM", "SELECT k, n, ABS(s) FROM"));

    // Counts and sums only grow, so the largest of each key is its final value; an aggregate
    // restored without its state would count the key's rows after the savepoint only.
    java.util.Map<Long, List<Long>> latest = latestPerKey(output);
    assertThat(latest).hasSize(10);
    for (long k = 0; k < 10; k++) {
      assertThat(latest.get(k)).as("key %d", k).containsExactly(600L, 600 * k + 1_797_000L);
    }
  }

  /** Per key of {@code agg_out}'s changelog, the largest {@code n} and {@code s} it wrote. */
  private static java.util.Map<Long, List<Long>> latestPerKey(Path output) throws Exception {
    java.util.regex.Pattern after = java.util.regex.Pattern.compile(
        "\"after\":\\{\"k\":(\\d+),\"n\":(\\d+),\"s\":(\\d+)}");
    java.util.Map<Long, List<Long>> latest = new java.util.TreeMap<>();
    for (String line : SessionJobs.committedLines(output)) {
      java.util.regex.Matcher m = after.matcher(line);
      if (m.find()) {
        long n = Long.parseLong(m.group(2));
        long sum = Long.parseLong(m.group(3));
        latest.merge(Long.parseLong(m.group(1)), List.of(n, sum),
            (a, b) -> List.of(Math.max(a.get(0), b.get(0)), Math.max(a.get(1), b.get(1))));
      }
    }
    return latest;
  }

  /** Rows of each event-time table below: ten a second of event time, from the epoch on. */
  private static final int EVENT_ROWS = 6_000;

  private void createEventTables(Path output) {
    session.execute("SET 'execution.checkpointing.interval' = '100ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + tmp.resolve("checkpoints") + "'");
    session.execute(
        "SET 'execution.checkpointing.savepoint-dir' = '" + tmp.resolve("savepoints") + "'");
    for (String table : new String[] {"ev_left", "ev_right"}) {
      session.execute(
          "CREATE TABLE " + table + " (v BIGINT, w BIGINT, ts AS TO_TIMESTAMP_LTZ(v * 100, 3),"
              + " WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen', 'fields.v.kind' ="
              + " 'sequence', 'fields.v.start' = '0', 'fields.v.end' = '" + (EVENT_ROWS - 1)
              + "', 'fields.w.kind' = 'sequence', 'fields.w.start' = '0', 'fields.w.end' = '"
              + (EVENT_ROWS - 1) + "', 'rows-per-second' = '2000')");
    }
    session.execute(
        "CREATE TABLE changes (a BIGINT, b BIGINT) WITH ('connector' = 'filesystem',"
            + " 'path' = '" + output + "', 'format' = 'debezium-json')");
  }

  /**
   * Stateful operators whose state changes meaning while their rows keep their type: the query,
   * the changed one, and the operator that must be named.
   */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> changedOperators() {
    // Every query reads the same columns, so that only the operator's own terms differ.
    String topN = "INSERT INTO changes SELECT k, v + w FROM (SELECT k, v, w, ROW_NUMBER() OVER"
        + " (PARTITION BY k ORDER BY %s DESC) AS rn FROM (SELECT v %% 10 AS k, v, w FROM ev_left))"
        + " WHERE rn <= 3";
    String dedup = "INSERT INTO changes SELECT k, w FROM (SELECT k, w, ROW_NUMBER() OVER"
        + " (PARTITION BY k ORDER BY ts %s) AS rn FROM (SELECT v %% 10 AS k, w, ts FROM ev_left))"
        + " WHERE rn = 1";
    String join = "INSERT INTO changes SELECT l.v + l.w, r.v + r.w FROM ev_left l JOIN ev_right r"
        + " ON l.%s = r.%s";
    String interval = "INSERT INTO changes SELECT l.v, r.w FROM ev_left l JOIN ev_right r"
        + " ON l.v = r.v AND r.ts BETWEEN l.ts - INTERVAL '%d' SECOND AND l.ts";
    String over = "INSERT INTO changes SELECT v, SUM(w) OVER (PARTITION BY v %% 10 ORDER BY ts ROWS"
        + " BETWEEN %d PRECEDING AND CURRENT ROW) FROM ev_left";
    String window = "INSERT INTO changes SELECT COUNT(*), SUM(w) FROM TABLE(TUMBLE(TABLE ev_left,"
        + " DESCRIPTOR(ts), INTERVAL '%d' SECOND)) GROUP BY window_start, window_end";
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(
            topN.formatted("w"), topN.formatted("v"), "Rank"),
        org.junit.jupiter.params.provider.Arguments.of(
            dedup.formatted("ASC"), dedup.formatted("DESC"), "Deduplicate"),
        org.junit.jupiter.params.provider.Arguments.of(
            join.formatted("v", "v"), join.formatted("w", "w"), "Join"),
        org.junit.jupiter.params.provider.Arguments.of(
            interval.formatted(1), interval.formatted(2), "IntervalJoin"),
        org.junit.jupiter.params.provider.Arguments.of(
            over.formatted(2), over.formatted(3), "OverAggregate"),
        org.junit.jupiter.params.provider.Arguments.of(
            window.formatted(1), window.formatted(2), "WindowAggregate"));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{2}")
  @org.junit.jupiter.params.provider.MethodSource("changedOperators")
  void operatorWhoseStateChangesMeaningIsRejectedNamingIt(
      String query, String changed, String operator) throws Exception {
    Path output = tmp.resolve("out");
    createEventTables(output);
    CompletableFuture<StatementResult> run =
        CompletableFuture.supplyAsync(() -> session.execute(query));
    String jobId = SessionJobs.awaitRunningJob(session);
    SessionJobs.awaitCommittedRows(output);
    String savepoint =
        SessionJobs.field(session.execute("STOP JOB '" + jobId + "' WITH SAVEPOINT"), 0, 0);
    run.get(30, TimeUnit.SECONDS);
    session.execute("SET 'execution.state-recovery.path' = '" + savepoint + "'");

    assertThatThrownBy(() -> session.execute(changed))
        .hasMessageMatching("(?s).*holds state of operator '" + operator + "-[0-9a-f]+' \\(this"
            + " job has '" + operator + "-[0-9a-f]+' in its place\\), which this job does not"
            + " have.*");
  }

  @Test
  void stopWithDrainFiresEveryWindowIntoTheSavepoint() throws Exception {
    session.execute("SET 'parallelism.default' = '1'");
    session.execute("SET 'execution.checkpointing.interval' = '100ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + tmp.resolve("checkpoints") + "'");
    session.execute(
        "SET 'execution.checkpointing.savepoint-dir' = '" + tmp.resolve("savepoints") + "'");
    // Ten rows per second of event time; watermarks an hour behind, so no window fires by itself.
    session.execute(
        "CREATE TABLE ticks (v BIGINT, ts AS TO_TIMESTAMP_LTZ(v * 100, 3),"
            + " WATERMARK FOR ts AS ts - INTERVAL '1' HOUR) WITH ('connector' = 'datagen',"
            + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '0', 'fields.v.end' = '100000000',"
            + " 'rows-per-second' = '2000')");
    String windows = "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE ticks, DESCRIPTOR(ts),"
        + " INTERVAL '1' SECOND)) GROUP BY window_start, window_end";
    for (String out : new String[] {"kept", "drained"}) {
      session.execute("CREATE TABLE " + out + " (window_start TIMESTAMP(3), n BIGINT) WITH ("
          + "'connector' = 'filesystem', 'path' = '" + tmp.resolve(out) + "', 'format' = 'csv')");
    }

    // The sequence ends, so each insert waits for its job: it runs on a thread of its own.
    CompletableFuture<StatementResult> keptRun =
        CompletableFuture.supplyAsync(() -> session.execute("INSERT INTO kept " + windows));
    String kept = SessionJobs.awaitRunningJob(session);
    Thread.sleep(500);
    session.execute("STOP JOB '" + kept + "' WITH SAVEPOINT");
    keptRun.get(30, TimeUnit.SECONDS);
    assertThat(SessionJobs.committedLines(tmp.resolve("kept"))).as("no window fires without draining").isEmpty();

    CompletableFuture<StatementResult> drainedRun =
        CompletableFuture.supplyAsync(() -> session.execute("INSERT INTO drained " + windows));
    String drained = SessionJobs.awaitRunningJob(session);
    Thread.sleep(500);
    session.execute("STOP JOB '" + drained + "' WITH SAVEPOINT WITH DRAIN");
    drainedRun.get(30, TimeUnit.SECONDS);
    List<Long> counts = SessionJobs.committedLines(tmp.resolve("drained")).stream()
        .sorted()
        .map(line -> Long.parseLong(line.substring(line.indexOf(',') + 1)))
        .toList();
    assertThat(counts).as("every window fired, the last one partly filled").isNotEmpty();
    assertThat(counts.subList(0, counts.size() - 1)).allMatch(n -> n == 10);
    assertThat(counts.get(counts.size() - 1)).isBetween(1L, 10L);

    assertThatThrownBy(() -> session.execute("STOP JOB 'abc' WITH DRAIN"))
        .hasMessageContaining("WITH SAVEPOINT WITH DRAIN");
  }
}
