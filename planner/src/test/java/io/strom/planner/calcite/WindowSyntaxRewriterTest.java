package io.strom.planner.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.planner.ValidationException;
import io.strom.sql.parser.StromSqlParser;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

/** The SQL that legacy group windows and SESSION's PARTITION BY are rewritten into. */
class WindowSyntaxRewriterTest {
  private static String rewritten(String sql) {
    SqlNode node = new StromSqlParser().parseStatement(sql);
    WindowSyntaxRewriter.rewrite(node);
    return node.toString().replaceAll("\\s+", " ");
  }

  @Test
  void legacySessionBecomesTheSessionTableFunctionKeepingTheAliasAndColumnNames() {
    assertThat(rewritten("SELECT B.bidder, COUNT(*), SESSION_START(B.dateTime, INTERVAL '10' SECOND),"
        + " SESSION_END(B.dateTime, INTERVAL '10' SECOND) AS e FROM bid B"
        + " GROUP BY B.bidder, SESSION(B.dateTime, INTERVAL '10' SECOND)"))
        .isEqualTo("SELECT `B`.`bidder`, COUNT(*), `window_start` AS `EXPR$2`, `window_end` AS `e`"
            + " FROM TABLE(SESSION(TABLE `bid`, DESCRIPTOR(`dateTime`), INTERVAL '10' SECOND)) AS `B`"
            + " GROUP BY `B`.`bidder`, `window_start`, `window_end`");
  }

  @Test
  void rowtimeAuxiliaryGroupsByWindowTimeAndHopKeepsItsArgumentOrder() {
    assertThat(rewritten("SELECT HOP_ROWTIME(ts, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE) AS t"
        + " FROM (SELECT * FROM bids) GROUP BY HOP(ts, INTERVAL '1' MINUTE, INTERVAL '5' MINUTE)"))
        .isEqualTo("SELECT `window_time` AS `t` FROM TABLE(HOP((SELECT * FROM `bids`),"
            + " DESCRIPTOR(`ts`), INTERVAL '1' MINUTE, INTERVAL '5' MINUTE))"
            + " GROUP BY `window_start`, `window_end`, `window_time`");
  }

  @Test
  void sessionPartitionByIsDroppedOnceItsColumnsAreGrouped() {
    assertThat(rewritten("SELECT k, window_start, COUNT(*) FROM TABLE(SESSION(TABLE t PARTITION BY k,"
        + " DESCRIPTOR(ts), INTERVAL '5' MINUTE)) GROUP BY k, window_start, window_end"))
        .isEqualTo("SELECT `k`, `window_start`, COUNT(*) FROM TABLE(SESSION(TABLE `t`,"
            + " DESCRIPTOR(`ts`), INTERVAL '5' MINUTE)) GROUP BY `k`, `window_start`, `window_end`");
  }

  @Test
  void sessionPartitionByWithOrderByIsRefused() {
    assertThatThrownBy(() -> rewritten("SELECT k, COUNT(*) FROM TABLE(SESSION(TABLE t PARTITION BY k"
        + " ORDER BY ts, DESCRIPTOR(ts), INTERVAL '5' MINUTE)) GROUP BY k, window_start, window_end"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("takes PARTITION BY but no ORDER BY");
  }

  @Test
  void twoGroupWindowsAreRefused() {
    assertThatThrownBy(() -> rewritten("SELECT COUNT(*) FROM t"
        + " GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE), SESSION(ts, INTERVAL '1' MINUTE)"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("only one group window");
  }
}
