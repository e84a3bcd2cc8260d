package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.planner.session.SessionJobs.StoppedInsert;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code STOP JOB '<id>' WITH SAVEPOINT} and {@code SET 'execution.state-recovery.path'}: an
 * insert stopped with a savepoint and started again from it writes every row exactly once; a
 * changed query that cannot use the savepoint's state is rejected, naming the operator.
 *
 * <p>Each rate-limited source below runs for about 1.5 s in all: long enough that a job is still
 * running when it is stopped after its first commit, short enough that resuming to the end is
 * quick.
 */
class SavepointSqlTest {
  private static final int ROWS = 6_000;

  @TempDir Path tmp;

  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private void createTables(Path output) {
    SessionJobs.enableSavepoints(session, tmp);
    for (String table : new String[] {"seq", "other_seq"}) {
      session.execute(
          "CREATE TABLE " + table + " (v BIGINT) WITH ('connector' = 'datagen',"
              + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '0',"
              + " 'fields.v.end' = '" + (ROWS - 1) + "', 'rows-per-second' = '4000')");
    }
    session.execute(
        "CREATE TABLE out_rows (v BIGINT) WITH ('connector' = 'filesystem', 'path' = '" + output
            + "', 'format' = 'csv')");
  }

  @Test
  void insertStoppedWithASavepointResumesFromItAndWritesEveryRowOnce() throws Exception {
    Path output = tmp.resolve("out");
    createTables(output);
    StoppedInsert first = SessionJobs.stopWithSavepointOnceCommitted(
        session, "INSERT INTO out_rows SELECT v FROM seq", output);

    assertThat(first.stop().schema().fieldNames()).containsExactly("savepoint path");
    assertThat(Path.of(first.savepoint()).getParent())
        .isEqualTo(tmp.resolve("savepoints").toAbsolutePath());
    long written = Long.parseLong(SessionJobs.field(first.insert(), 0, 0));
    // Rows written after the savepoint's barrier, before the job stopped, are never committed:
    // the resumed job writes them again.
    long committed = SessionJobs.committedRows(output).size();
    assertThat(committed).isBetween(1L, ROWS - 1L);
    assertThat(written).isGreaterThanOrEqualTo(committed);

    SessionJobs.resumeFrom(session, first.savepoint());
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
  private static final int JOIN_ROWS = 3_000;

  /** A join's (and its aggregate's) state, counted per value; the sink sees each value once. */
  private static final String JOIN_COUNTS =
      "INSERT INTO join_counts SELECT a.v, COUNT(a.w) FROM (SELECT v, CAST(w AS INT) AS w FROM"
          + " left_seq) a JOIN right_seq b ON a.v = b.v GROUP BY a.v";

  private void createJoinTables(Path output) {
    SessionJobs.enableSavepoints(session, tmp);
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

  /** Runs {@link #JOIN_COUNTS} until it committed rows, stops it and resumes from its savepoint. */
  private void resumeFromASavepointOfTheJoin(Path output) throws Exception {
    createJoinTables(output);
    SessionJobs.resumeFrom(session,
        SessionJobs.stopWithSavepointOnceCommitted(session, JOIN_COUNTS, output).savepoint());
  }

  @Test
  void joinWhoseInputProjectionChangedIsRejectedNamingTheJoin() throws Exception {
    resumeFromASavepointOfTheJoin(tmp.resolve("out"));

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
    resumeFromASavepointOfTheJoin(tmp.resolve("out"));

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
    resumeFromASavepointOfTheJoin(output);

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

  /** Keys of {@link #AGGREGATES}: {@code v % 10}. */
  private static final int AGG_KEYS = 10;

  /** Rows of each key of {@link #AGGREGATES}' source, whose values are 0 to 2999. */
  private static final long AGG_ROWS_PER_KEY = 300;

  private static final String AGGREGATES =
      "INSERT INTO agg_out SELECT k, n, s FROM (SELECT v % 10 AS k, COUNT(w) AS n, SUM(w) AS s"
          + " FROM agg_seq GROUP BY v % 10)";

  private void createAggregateTables(Path output) {
    SessionJobs.enableSavepoints(session, tmp);
    long rows = AGG_KEYS * AGG_ROWS_PER_KEY;
    session.execute(
        "CREATE TABLE agg_seq (v BIGINT, w BIGINT) WITH ('connector' = 'datagen',"
            + " 'fields.v.kind' = 'sequence', 'fields.v.start' = '0', 'fields.v.end' = '"
            + (rows - 1) + "', 'fields.w.kind' = 'sequence', 'fields.w.start' = '0',"
            + " 'fields.w.end' = '" + (rows - 1) + "', 'rows-per-second' = '2000')");
    session.execute(
        "CREATE TABLE agg_out (k BIGINT, n BIGINT, s BIGINT) WITH ('connector' = 'filesystem',"
            + " 'path' = '" + output + "', 'format' = 'debezium-json')");
  }

  /** Runs {@link #AGGREGATES} until it committed rows, stops it and resumes from its savepoint. */
  private void resumeFromASavepointOfTheAggregates(Path output) throws Exception {
    createAggregateTables(output);
    SessionJobs.resumeFrom(session,
        SessionJobs.stopWithSavepointOnceCommitted(session, AGGREGATES, output).savepoint());
  }

  @Test
  void aggregateWhoseStateChangesMeaningIsRejectedNamingItsReplacement() throws Exception {
    Path output = tmp.resolve("out");
    resumeFromASavepointOfTheAggregates(output);

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
    // Neither run counted all rows of a key: the second one started from an empty count.
    assertThat(latestPerKey(output).values()).allMatch(ns -> ns.get(0) < AGG_ROWS_PER_KEY);
  }

  @Test
  void aggregateUnderAChangedProjectionRestoresItsStateWithExactResults() throws Exception {
    Path output = tmp.resolve("out");
    resumeFromASavepointOfTheAggregates(output);

    // A stateless projection above the aggregate: the same state, read on with another output.
    session.execute(AGGREGATES.replace("SELECT k, n, s FROM", "SELECT k, n, ABS(s) FROM"));

    // Counts and sums only grow, so the largest of each key is its final value; an aggregate
    // restored without its state would count the key's rows after the savepoint only.
    Map<Long, List<Long>> latest = latestPerKey(output);
    assertThat(latest).hasSize(AGG_KEYS);
    for (long k = 0; k < AGG_KEYS; k++) {
      // Key k's values are k, k + 10, ..., k + 10 * (AGG_ROWS_PER_KEY - 1).
      long sum = AGG_ROWS_PER_KEY * k + AGG_KEYS * AGG_ROWS_PER_KEY * (AGG_ROWS_PER_KEY - 1) / 2;
      assertThat(latest.get(k)).as("key %d", k).containsExactly(AGG_ROWS_PER_KEY, sum);
    }
  }

  /** Per key of {@code agg_out}'s changelog, the largest {@code n} and {@code s} it wrote. */
  private static Map<Long, List<Long>> latestPerKey(Path output) throws Exception {
    Pattern after = Pattern.compile("\"after\":\\{\"k\":(\\d+),\"n\":(\\d+),\"s\":(\\d+)}");
    Map<Long, List<Long>> latest = new TreeMap<>();
    for (String line : SessionJobs.committedLines(output)) {
      Matcher m = after.matcher(line);
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
  private static final int EVENT_ROWS = 3_000;

  private void createEventTables(Path output) {
    SessionJobs.enableSavepoints(session, tmp);
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
  static Stream<Arguments> changedOperators() {
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
    return Stream.of(
        Arguments.of(topN.formatted("w"), topN.formatted("v"), "Rank"),
        Arguments.of(dedup.formatted("ASC"), dedup.formatted("DESC"), "Deduplicate"),
        Arguments.of(join.formatted("v", "v"), join.formatted("w", "w"), "Join"),
        Arguments.of(interval.formatted(1), interval.formatted(2), "IntervalJoin"),
        Arguments.of(over.formatted(2), over.formatted(3), "OverAggregate"),
        Arguments.of(window.formatted(1), window.formatted(2), "WindowAggregate"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("changedOperators")
  void operatorWhoseStateChangesMeaningIsRejectedNamingIt(
      String query, String changed, String operator) throws Exception {
    Path output = tmp.resolve("out");
    createEventTables(output);
    SessionJobs.resumeFrom(session,
        SessionJobs.stopWithSavepointOnceCommitted(session, query, output).savepoint());

    assertThatThrownBy(() -> session.execute(changed))
        .hasMessageMatching("(?s).*holds state of operator '" + operator + "-[0-9a-f]+' \\(this"
            + " job has '" + operator + "-[0-9a-f]+' in its place\\), which this job does not"
            + " have.*");
  }

  @Test
  void stopWithDrainFiresEveryWindowIntoTheSavepoint() throws Exception {
    session.execute("SET 'parallelism.default' = '1'");
    SessionJobs.enableSavepoints(session, tmp);
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
    // A completed checkpoint: the windows have rows by then.
    SessionJobs.ReadyToStop windowsHaveRows =
        jobId -> SessionJobs.awaitCompletedCheckpoint(tmp.resolve("checkpoints"), jobId);

    SessionJobs.stopOnceReady(session, "INSERT INTO kept " + windows, windowsHaveRows,
        "WITH SAVEPOINT");
    assertThat(SessionJobs.committedLines(tmp.resolve("kept")))
        .as("no window fires without draining").isEmpty();

    SessionJobs.stopOnceReady(session, "INSERT INTO drained " + windows, windowsHaveRows,
        "WITH SAVEPOINT WITH DRAIN");
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
