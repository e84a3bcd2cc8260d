package io.strom.benchmarks.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlinkNexmarkScriptTest {
  @Test
  void splitsAFileIntoItsStatementsWithoutCommentLines() throws Exception {
    List<String> views = FlinkNexmarkScript.read("views.sql");

    assertThat(views).hasSize(3);
    assertThat(views.get(0)).startsWith("CREATE VIEW person AS").doesNotContain("--");
    assertThat(views.get(2)).startsWith("CREATE VIEW bid AS").endsWith("WHERE event_type = 2");
  }

  @Test
  void quotesTheDateTimeColumnButNotNamesThatContainIt() {
    List<String> statements = FlinkNexmarkScript.statements(
        "SELECT B.dateTime AS bid_dateTime, DATE_FORMAT(dateTime, 'HH') FROM bid;\n"
            + "SELECT `dateTime` FROM bid;");

    assertThat(statements).containsExactly(
        "SELECT B.`dateTime` AS bid_dateTime, DATE_FORMAT(`dateTime`, 'HH') FROM bid",
        "SELECT `dateTime` FROM bid");
  }

  @Test
  void pointsQ14sFunctionAtTheFlinkClassOfTheSameCode() throws Exception {
    List<String> q14 = FlinkNexmarkScript.query("q14");

    assertThat(q14.get(0)).isEqualTo(
        "CREATE FUNCTION count_char AS 'io.strom.benchmarks.flink.CountCharFlinkFunction'");
    assertThat(new CountCharFlinkFunction().eval("abcabc", "c")).isEqualTo(2L);
  }

  @Test
  void everyQueryFileEndsWithTheInsertIntoItsSink() throws Exception {
    for (int q = 0; q <= 22; q++) {
      List<String> statements = FlinkNexmarkScript.query("q" + q);
      assertThat(statements.get(statements.size() - 1))
          .as("q%d", q)
          .startsWith("INSERT INTO nexmark_q" + q);
    }
  }
}
