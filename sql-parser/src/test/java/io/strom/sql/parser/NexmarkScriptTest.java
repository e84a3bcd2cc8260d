package io.strom.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.sql.parser.ddl.SqlComputedColumn;
import io.strom.sql.parser.ddl.SqlCreateTable;
import io.strom.sql.parser.ddl.SqlCreateView;
import io.strom.sql.parser.ddl.SqlRegularColumn;
import io.strom.sql.parser.dml.SqlStromInsert;
import io.strom.sql.parser.type.SqlStromRowTypeNameSpec;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.junit.jupiter.api.Test;

/** A real Flink script — the Nexmark benchmark's DDL, views and a windowed query — parses. */
class NexmarkScriptTest {
  private final StromSqlParser parser = new StromSqlParser();

  private static String script() throws Exception {
    try (InputStream in = NexmarkScriptTest.class.getResourceAsStream("/nexmark.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parsesIntoTheRightStatementKinds() throws Exception {
    List<SqlNode> statements = parser.parseScript(script());
    assertThat(statements)
        .extracting(n -> n.getClass().getSimpleName())
        .containsExactly(
            "SqlSet",
            "SqlCreateTable",
            "SqlCreateView",
            "SqlCreateView",
            "SqlCreateView",
            "SqlCreateTable",
            "SqlStromInsert");
  }

  @Test
  void datagenTableHasNestedRowsAComputedTimeAndAWatermark() throws Exception {
    SqlCreateTable datagen = (SqlCreateTable) parser.parseScript(script()).get(1);
    assertThat(datagen.name().getSimple()).isEqualTo("datagen");
    assertThat(datagen.columns()).hasSize(5);
    SqlRegularColumn person = (SqlRegularColumn) datagen.columns().get(1);
    SqlStromRowTypeNameSpec row = (SqlStromRowTypeNameSpec) person.type().getTypeNameSpec();
    assertThat(row.fieldNames()).extracting(id -> id.getSimple()).contains("dateTime", "extra");
    assertThat(datagen.columns().get(4)).isInstanceOf(SqlComputedColumn.class);
    assertThat(datagen.watermark().orElseThrow().eventTimeColumn().getSimple())
        .isEqualTo("dateTime");
  }

  @Test
  void viewsAndQueryRoundTrip() throws Exception {
    List<SqlNode> statements = parser.parseScript(script());
    for (SqlNode statement : statements) {
      String sql = StromSqlParser.toSql(statement);
      assertThat(StromSqlParser.toSql(parser.parseStatement(sql))).as(sql).isEqualTo(sql);
    }
    SqlCreateView bid = (SqlCreateView) statements.get(4);
    assertThat(bid.name().getSimple()).isEqualTo("bid");
    SqlStromInsert insert = (SqlStromInsert) statements.get(6);
    assertThat(StromSqlParser.toSql(insert.getSource())).contains("TUMBLE(TABLE bid");
  }
}
