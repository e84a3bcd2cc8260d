package io.strom.planner.calcite;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.sql.parser.StromSqlParser;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

class WindowSyntaxRewriterTest {
  private static String rewritten(String sql) {
    SqlNode node = new StromSqlParser().parseStatement(sql);
    WindowSyntaxRewriter.rewrite(node);
    return node.toString().replaceAll("\\s+", " ");
  }

  @Test
  void debug() {
    assertThat(rewritten("SELECT item, COUNT(*), SESSION_START(ts, INTERVAL '5' MINUTE) FROM bids GROUP BY item, SESSION(ts, INTERVAL '5' MINUTE)")).isEqualTo("x");
  }
}
