package io.strom.planner.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.planner.session.SqlSession;
import io.strom.sql.parser.StromSqlParser;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.junit.jupiter.api.Test;

class LogicalPlanTest {
  private final SqlSession session = new SqlSession(new Configuration());

  private String plan(String query) {
    PlannerContext context = new PlannerContext(session.catalogs(), new PlannerTypes(), new io.strom.planner.catalog.FunctionCatalog().operatorTable());
    RelNode rel = context.toRel(new StromSqlParser().parseStatement(query)).project();
    return RelOptUtil.toString(rel).trim();
  }

  @Test
  void scanExpandsToProjectionAndWatermarkAssigner() {
    session.execute(
        "CREATE TABLE clicks (user_id BIGINT, url STRING, ts TIMESTAMP(3), `offset` BIGINT METADATA"
            + " VIRTUAL, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen')");
    assertThat(plan("SELECT user_id, url FROM clicks WHERE user_id > 10"))
        .isEqualTo(
            String.join(
                "\n",
                "LogicalProject(user_id=[$0], url=[$1])",
                "  LogicalFilter(condition=[>($0, 10)])",
                "    LogicalWatermarkAssigner(rowtime=[ts], watermark=[-($2, 5000:INTERVAL SECOND)])",
                "      LogicalTableScan(table=[[default_catalog, default_database, clicks]])"));
  }

  @Test
  void unknownColumnIsAValidationErrorWithItsPosition() {
    session.execute("CREATE TABLE t (a INT, b STRING) WITH ('connector' = 'datagen')");
    assertThatThrownBy(() -> plan("SELECT a,\n  bb FROM t"))
        .hasMessageContaining("At line 2, column 3")
        .hasMessageContaining("Column 'bb' not found")
        .hasMessageContaining("Did you mean 'b'?");
  }
}
