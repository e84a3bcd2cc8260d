package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.planner.plan.translate.JobBuilder;
import io.strom.runtime.graph.StreamNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The uids a query's operators get: equal for the same query planned twice and for changes that
 * leave every state as it was, different for a stateful operator whose state changes meaning
 * while its output type stays the same.
 */
class StatefulOperatorUidTest {
  private final SqlSession session = new SqlSession(new Configuration());

  @BeforeEach
  void createTables() {
    for (String table : new String[] {"t", "u"}) {
      session.execute("CREATE TABLE " + table + " (a BIGINT, b BIGINT, c BIGINT, ts TIMESTAMP(3),"
          + " pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)"
          + " WITH ('connector' = 'datagen')");
    }
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @Test
  void theSameQueryPlannedTwiceGetsTheSameUids() {
    String query = "SELECT a, COUNT(DISTINCT b), SUM(c) FROM t WHERE c > 5 GROUP BY a";
    assertThat(uids(query)).isEqualTo(uids(query)).anyMatch(u -> u.startsWith("GroupAggregate-"));
  }

  @Test
  void changedAggregateCallsChangeTheAggregatesUid() {
    assertChanges("GroupAggregate",
        "SELECT a, COUNT(b) FROM t GROUP BY a", "SELECT a, COUNT(DISTINCT b) FROM t GROUP BY a");
    assertChanges("GroupAggregate",
        "SELECT a, SUM(b) FROM t GROUP BY a", "SELECT a, MAX(b) FROM t GROUP BY a");
    assertChanges("GroupAggregate", "SELECT a, COUNT(b) FROM t GROUP BY a",
        "SELECT a, COUNT(b) FILTER (WHERE c > 0) FROM t GROUP BY a");
  }

  @Test
  void changedGroupingKeysChangeTheAggregatesUid() {
    assertChanges("GroupAggregate", "SELECT a AS k, COUNT(*) AS n FROM t GROUP BY a",
        "SELECT b AS k, COUNT(*) AS n FROM t GROUP BY b");
    // The key is computed by the calc below: the same type, another meaning.
    assertChanges("GroupAggregate", "SELECT a + 1 AS k, COUNT(*) AS n FROM t GROUP BY a + 1",
        "SELECT a + 2 AS k, COUNT(*) AS n FROM t GROUP BY a + 2");
  }

  @Test
  void aChangedFilterBelowOrProjectionAboveKeepsTheAggregatesUid() {
    assertKeeps("GroupAggregate", "SELECT a, COUNT(b) FROM t WHERE c > 5 GROUP BY a",
        "SELECT a, COUNT(b) FROM t WHERE c > 6 GROUP BY a");
    assertKeeps("GroupAggregate",
        "SELECT a, n + 1 FROM (SELECT a, COUNT(b) AS n FROM t GROUP BY a)",
        "SELECT a, n + 2 FROM (SELECT a, COUNT(b) AS n FROM t GROUP BY a)");
  }

  @Test
  void aTopNOrderedByAnotherColumnGetsAnotherUid() {
    String topN = "SELECT a, b, c FROM (SELECT a, b, c, ROW_NUMBER() OVER (PARTITION BY a ORDER BY"
        + " %s DESC) AS rn FROM t) WHERE rn <= 3";
    assertChanges("Rank", topN.formatted("b"), topN.formatted("c"));
    assertChanges("Rank", topN.formatted("b"), topN.formatted("b").replace("<= 3", "<= 4"));
  }

  @Test
  void aDeduplicationKeepingTheLastRowInsteadOfTheFirstGetsAnotherUid() {
    String dedup = "SELECT a, b FROM (SELECT a, b, ROW_NUMBER() OVER (PARTITION BY a ORDER BY"
        + " pt %s) AS rn FROM t) WHERE rn = 1";
    assertChanges("Deduplicate", dedup.formatted("ASC"), dedup.formatted("DESC"));
  }

  @Test
  void aJoinOnOtherKeysGetsAnotherUid() {
    // Both sides read a and b either way: only the keys differ.
    String join = "SELECT t.a, t.b, u.a, u.b FROM t JOIN u ON t.%s = u.%s";
    assertChanges("Join", join.formatted("a", "a"), join.formatted("b", "b"));
  }

  @Test
  void anIntervalJoinWithOtherBoundsGetsAnotherUid() {
    String join = "SELECT t.a, u.b FROM t JOIN u ON t.a = u.a AND u.ts BETWEEN t.ts - INTERVAL"
        + " '%d' SECOND AND t.ts";
    assertChanges("IntervalJoin", join.formatted(5), join.formatted(10));
  }

  @Test
  void anOverAggregateWithAnotherFrameGetsAnotherUid() {
    String over = "SELECT a, SUM(b) OVER (PARTITION BY a ORDER BY ts ROWS BETWEEN %d PRECEDING AND"
        + " CURRENT ROW) FROM t";
    assertChanges("OverAggregate", over.formatted(2), over.formatted(3));
  }

  @Test
  void aWindowOfAnotherSizeGetsAnotherUid() {
    String window = "SELECT window_start, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE t,"
        + " DESCRIPTOR(ts), INTERVAL '%d' MINUTE)) GROUP BY window_start, window_end";
    assertChanges("WindowAggregate", window.formatted(1), window.formatted(2));
  }

  private void assertChanges(String operator, String before, String after) {
    assertThat(uidOf(operator, after)).isNotEqualTo(uidOf(operator, before));
  }

  private void assertKeeps(String operator, String before, String after) {
    assertThat(uidOf(operator, after)).isEqualTo(uidOf(operator, before));
  }

  /** The uid of the query's only operator named {@code operator}. */
  private String uidOf(String operator, String query) {
    List<String> uids = uids(query).stream().filter(u -> u.startsWith(operator + "-")).toList();
    assertThat(uids).as("%s operators of %s", operator, query).hasSize(1);
    return uids.get(0);
  }

  private List<String> uids(String query) {
    JobBuilder job = new JobBuilder("query", session.settings());
    session.translate(query, job, false);
    return job.graph().nodes().stream().map(StreamNode::uid).toList();
  }
}
