package io.strom.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.planner.session.RowStream;
import io.strom.planner.session.SqlSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Processing-time SQL on an unbounded source, through the whole stack: window aggregations fire as
 * the wall clock passes their ends, and {@code table.exec.state.ttl} forgets idle GROUP BY keys.
 *
 * <p>The source is a paced sequence 1, 2, 3, ... at parallelism 1, so rows reach the windows in
 * id order, and a window of arrival times holds a run of consecutive ids. That gives exact checks
 * that hold however the machine's load shifts arrival times: each window's count equals the ids it
 * spans, and tumbling windows tile the sequence with neither gap nor overlap.
 */
class ProcessingTimeSqlTest {
  /** Long enough for a loaded machine; a run normally takes well under a second per query. */
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  private final SqlSession session = new SqlSession(new Configuration());

  @BeforeEach
  void createPacedSequence() {
    // A sequence ends (after a billion ids here), so the session would wait for it to end
    // before showing rows: results are streamed instead.
    session.setStreamQueryResults(true);
    session.execute("SET 'parallelism.default' = '1'");
    session.execute("CREATE TABLE ticks (id BIGINT, pt AS PROCTIME()) WITH ("
        + " 'connector' = 'datagen', 'rows-per-second' = '200',"
        + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
        + " 'fields.id.end' = '1000000000')");
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  /** One fired window: its bounds in epoch milliseconds and the ids it counted. */
  private record Fired(long start, long end, long count, long minId, long maxId) {
    static Fired of(Row row) {
      return new Fired(row.getTimestamp(0, 3).millisecond(), row.getTimestamp(1, 3).millisecond(),
          row.getLong(2), row.getLong(3), row.getLong(4));
    }
  }

  /** Rows of {@code stream} until {@code done} holds for them, or the deadline passes. */
  private static List<Row> takeUntil(RowStream stream, Predicate<List<Row>> done)
      throws InterruptedException {
    List<Row> rows = new ArrayList<>();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!done.test(rows) && System.nanoTime() < deadline) {
      Row row = stream.poll(Duration.ofMillis(50));
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  private List<Fired> fire(String windowFunction, int windows) throws InterruptedException {
    return fireQuery("SELECT window_start, window_end, COUNT(*), MIN(id), MAX(id)"
        + " FROM TABLE(" + windowFunction + ") GROUP BY window_start, window_end", windows);
  }

  /**
   * The first {@code windows} rows of {@code query}, which selects a window's start and end, its
   * count of rows, and their smallest and largest ids.
   */
  private List<Fired> fireQuery(String query, int windows) throws InterruptedException {
    try (RowStream stream = session.execute(query).stream()) {
      List<Row> rows = takeUntil(stream, r -> r.size() >= windows);
      assertThat(rows).as("windows fired before the deadline").hasSize(windows);
      assertThat(rows).allMatch(r -> r.kind() == RowKind.INSERT);
      return rows.stream().map(Fired::of).toList();
    }
  }

  /** Each window fired once. */
  private static void assertEachWindowFiredOnce(List<Fired> fired) {
    assertThat(fired).extracting(w -> List.of(w.start(), w.end())).doesNotHaveDuplicates();
  }

  /** Fired in time order; each window takes up the ids where the one before left off. */
  private static void assertTilesTheSequence(List<Fired> fired) {
    for (int i = 1; i < fired.size(); i++) {
      assertThat(fired.get(i).end()).isGreaterThan(fired.get(i - 1).end());
      assertThat(fired.get(i).minId()).isEqualTo(fired.get(i - 1).maxId() + 1);
    }
  }

  /** Each window counted exactly the consecutive ids it spans. */
  private static void assertCountsAreRunsOfIds(List<Fired> fired) {
    assertThat(fired).allSatisfy(w -> {
      assertThat(w.count()).isPositive();
      assertThat(w.count()).isEqualTo(w.maxId() - w.minId() + 1);
    });
  }

  @Test
  void tumblingWindowsFireAndTileTheSequence() throws Exception {
    List<Fired> fired = fire(
        "TUMBLE(TABLE ticks, DESCRIPTOR(pt), INTERVAL '0.1' SECOND)", 5);
    assertCountsAreRunsOfIds(fired);
    assertEachWindowFiredOnce(fired);
    assertThat(fired).allSatisfy(w -> {
      assertThat(w.end() - w.start()).isEqualTo(100);
      assertThat(w.start() % 100).isZero();
    });
    assertTilesTheSequence(fired);
  }

  /** The legacy group window on processing time assigns its windows in the aggregation too. */
  @Test
  void legacyTumblingGroupWindowsFireOnceAndTileTheSequence() throws Exception {
    List<Fired> fired = fireQuery("SELECT TUMBLE_START(pt, INTERVAL '0.1' SECOND),"
        + " TUMBLE_END(pt, INTERVAL '0.1' SECOND), COUNT(*), MIN(id), MAX(id)"
        + " FROM ticks GROUP BY TUMBLE(pt, INTERVAL '0.1' SECOND)", 5);
    assertCountsAreRunsOfIds(fired);
    assertEachWindowFiredOnce(fired);
    assertThat(fired).allSatisfy(w -> assertThat(w.end() - w.start()).isEqualTo(100));
    assertTilesTheSequence(fired);
  }

  /**
   * COUNT(DISTINCT) cannot go by slices: its windows keep their own accumulators, still taken from
   * the aggregation's clock. The ids are distinct, so each window counts the ids it spans.
   */
  @Test
  void tumblingWindowsWithADistinctCountFireOnce() throws Exception {
    List<Fired> fired = fireQuery("SELECT window_start, window_end, COUNT(DISTINCT id),"
        + " MIN(id), MAX(id) FROM TABLE(TUMBLE(TABLE ticks, DESCRIPTOR(pt), INTERVAL '0.1' SECOND))"
        + " GROUP BY window_start, window_end", 5);
    assertCountsAreRunsOfIds(fired);
    assertEachWindowFiredOnce(fired);
    assertTilesTheSequence(fired);
  }

  @Test
  void hoppingWindowsFireAndOverlapByTheirSlide() throws Exception {
    List<Fired> fired = fire(
        "HOP(TABLE ticks, DESCRIPTOR(pt), INTERVAL '0.1' SECOND, INTERVAL '0.2' SECOND)", 6);
    assertCountsAreRunsOfIds(fired);
    assertEachWindowFiredOnce(fired);
    assertThat(fired).allSatisfy(w -> assertThat(w.end() - w.start()).isEqualTo(200));
    // Each row falls in two windows: a window and the one a slide later share its second half.
    for (int i = 1; i < fired.size(); i++) {
      Fired before = fired.get(i - 1);
      Fired after = fired.get(i);
      assertThat(after.end()).isGreaterThan(before.end());
      assertThat(after.minId()).isLessThanOrEqualTo(before.maxId() + 1);
      assertThat(after.maxId()).isGreaterThanOrEqualTo(before.maxId());
    }
  }

  @Test
  void cumulatingWindowsFireAtEachStepWithGrowingCounts() throws Exception {
    List<Fired> fired = fire(
        "CUMULATE(TABLE ticks, DESCRIPTOR(pt), INTERVAL '0.1' SECOND, INTERVAL '0.3' SECOND)", 7);
    assertCountsAreRunsOfIds(fired);
    assertEachWindowFiredOnce(fired);
    assertThat(fired).allSatisfy(w -> {
      assertThat(w.start() % 300).isZero();
      assertThat(w.end() - w.start()).isIn(100L, 200L, 300L);
    });
    // The windows of one start nest: a later step keeps the ids of the earlier ones.
    Map<Long, List<Fired>> byStart = new HashMap<>();
    fired.forEach(w -> byStart.computeIfAbsent(w.start(), s -> new ArrayList<>()).add(w));
    for (List<Fired> steps : byStart.values()) {
      steps.sort(Comparator.comparingLong(Fired::end));
      for (int i = 1; i < steps.size(); i++) {
        assertThat(steps.get(i).minId()).isEqualTo(steps.get(i - 1).minId());
        assertThat(steps.get(i).count()).isGreaterThanOrEqualTo(steps.get(i - 1).count());
      }
    }
  }

  @Test
  void sessionWindowsCloseAfterTheGapOnTheWallClock() throws Exception {
    session.execute("CREATE TABLE slow_ticks (id BIGINT, pt AS PROCTIME()) WITH ("
        + " 'connector' = 'datagen', 'rows-per-second' = '10',"
        + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
        + " 'fields.id.end' = '1000000000')");
    // Rows come 100 ms apart and a session closes after 20 ms without one.
    List<Fired> fired = new ArrayList<>();
    try (RowStream stream = session.execute("SELECT window_start, window_end, COUNT(*),"
        + " MIN(id), MAX(id) FROM TABLE(SESSION(TABLE slow_ticks, DESCRIPTOR(pt),"
        + " INTERVAL '0.02' SECOND)) GROUP BY window_start, window_end").stream()) {
      takeUntil(stream, r -> r.size() >= 4).forEach(r -> fired.add(Fired.of(r)));
    }
    assertThat(fired).hasSize(4);
    assertCountsAreRunsOfIds(fired);
    for (int i = 1; i < fired.size(); i++) {
      assertThat(fired.get(i).minId()).isEqualTo(fired.get(i - 1).maxId() + 1);
      assertThat(fired.get(i).start()).isGreaterThanOrEqualTo(fired.get(i - 1).end());
    }
    // Sessions are separate: most hold one row (two only when the source caught up after a stall).
    assertThat(fired).anySatisfy(w -> assertThat(w.count()).isEqualTo(1));
  }

  /**
   * {@code SELECT MOD(id, 2), COUNT(*) ... GROUP BY MOD(id, 2)} with a 1 ms TTL, rows 100 ms apart:
   * a key's count is forgotten between its rows, so the key is inserted afresh with a count of 1
   * instead of being updated. Without the TTL a key is inserted once and then only updated.
   */
  @Test
  void groupByWithAShortStateTtlForgetsIdleKeys() throws Exception {
    session.execute("SET 'table.exec.state.ttl' = '1 ms'");
    session.execute("CREATE TABLE slow (id BIGINT) WITH ("
        + " 'connector' = 'datagen', 'rows-per-second' = '10',"
        + " 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
        + " 'fields.id.end' = '1000000000')");
    List<Row> changes;
    try (RowStream stream = session.execute(
        "SELECT MOD(id, 2) AS k, COUNT(*) AS c FROM slow GROUP BY MOD(id, 2)").stream()) {
      changes = takeUntil(stream, ProcessingTimeSqlTest::someKeyInsertedTwice);
    }
    assertThat(someKeyInsertedTwice(changes))
        .as("a key forgotten by the TTL comes back as a new +I: %s", changes)
        .isTrue();
    // A forgotten key restarts its count: every insert counts a single row.
    assertThat(changes).filteredOn(r -> r.kind() == RowKind.INSERT)
        .allSatisfy(r -> assertThat(r.getLong(1)).isEqualTo(1));
  }

  private static boolean someKeyInsertedTwice(List<Row> changes) {
    Map<Long, Integer> inserts = new HashMap<>();
    for (Row row : changes) {
      if (row.kind() == RowKind.INSERT && inserts.merge(row.getLong(0), 1, Integer::sum) > 1) {
        return true;
      }
    }
    return false;
  }
}
