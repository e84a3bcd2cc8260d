package io.strom.table.api;

import static io.strom.table.api.Expressions.$;
import static io.strom.table.api.Expressions.UNBOUNDED_RANGE;
import static io.strom.table.api.Expressions.call;
import static io.strom.table.api.Expressions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.planner.ValidationException;
import io.strom.planner.testing.ConcatAggFunction;
import io.strom.planner.testing.ScaledSumFunction;
import io.strom.planner.testing.WeightedAvgFunction;
import io.strom.types.DataTypes;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * User-defined aggregate functions called from the Table API with {@code call("name", ...)}, next
 * to the SQL query each mirrors: both must give the expected rows and the same physical plan.
 */
class TableApiAggregateFunctionTest {
  @TempDir static Path dir;
  private static TableEnvironment env;

  @BeforeAll
  static void createTables() {
    env = TableEnvironment.create(
        EnvironmentSettings.newInstance()
            .inStreamingMode()
            .withConfiguration(Configuration.fromMap(Map.of(
                "parallelism.default", "1", "pipeline.auto-watermark-interval", "0")))
            .build());
    env.executeSql("CREATE TABLE bids (ts TIMESTAMP(3), item STRING, price INT, qty INT,"
        + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem',"
        + " 'path' = '" + dir.resolve("bids") + "', 'format' = 'csv')");
    env.executeSql("INSERT INTO bids VALUES"
        + " (TIMESTAMP '2024-01-01 10:00:01', 'a', 10, 1),"
        + " (TIMESTAMP '2024-01-01 10:03:00', 'b', 20, 2),"
        + " (TIMESTAMP '2024-01-01 10:09:59', 'a', 30, 3),"
        + " (TIMESTAMP '2024-01-01 10:10:00', 'a', 40, 1),"
        + " (TIMESTAMP '2024-01-01 10:14:00', 'b', 50, 1)");
    env.createTemporarySystemFunction("wavg", WeightedAvgFunction.class);
    env.createTemporarySystemFunction("concat_agg", ConcatAggFunction.class);
    env.createTemporarySystemFunction("times_ten", new ScaledSumFunction(10));
  }

  @AfterAll
  static void close() throws Exception {
    env.close();
  }

  @Test
  void groupByWithAUserDefinedAggregate() {
    // a: (10*1 + 30*3 + 40*1) / 5 = 28; b: (20*2 + 50*1) / 3 = 30.
    assertTwins(
        env.from("bids").groupBy($("item"))
            .select($("item"), call("wavg", $("price"), $("qty")).as("avg_price"),
                call("concat_agg", $("price").cast(DataTypes.STRING())).as("prices")),
        "SELECT item, wavg(price, qty) AS avg_price, concat_agg(CAST(price AS STRING)) AS prices"
            + " FROM bids GROUP BY item",
        "+I[a, 28, 10,30,40]", "+I[b, 30, 20,50]");
  }

  @Test
  void aggregateAppliesAnAggregateFunctionPerGroup() {
    assertTwins(
        env.from("bids").groupBy($("item"))
            .aggregate(call("wavg", $("price"), $("qty")).as("avg_price"))
            .select($("avg_price"), $("item")),
        "SELECT avg_price, item FROM (SELECT item, wavg(price, qty) AS avg_price FROM bids"
            + " GROUP BY item)",
        "+I[28, a]", "+I[30, b]");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> env.from("bids").groupBy($("item")).flatAggregate(call("wavg", $("price"), $("qty"))))
        .hasMessageContaining("flatAggregate");
  }

  @Test
  void anInstanceKeepsWhatItWasConstructedWithAndIsOpened() {
    assertTwins(
        env.from("bids").select(call("times_ten", $("price")).as("total")),
        "SELECT times_ten(price) AS total FROM bids",
        "+I[1500]");
  }

  @Test
  void windowAggregation() {
    assertTwins(
        env.from("bids")
            .window(Tumble.over(lit(10).minutes()).on($("ts")).as("w"))
            .groupBy($("w"), $("item"))
            .select($("item"), $("w").start().as("ws"), call("wavg", $("price"), $("qty")).as("p")),
        "SELECT item, window_start AS ws, wavg(price, qty) AS p"
            + " FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' MINUTE))"
            + " GROUP BY window_start, window_end, item",
        "+I[a, 2024-01-01T10:00, 25]", "+I[b, 2024-01-01T10:00, 20]",
        "+I[a, 2024-01-01T10:10, 40]", "+I[b, 2024-01-01T10:10, 50]");
  }

  @Test
  void overWindow() {
    assertTwins(
        env.from("bids")
            .window(Over.partitionBy($("item")).orderBy($("ts")).preceding(UNBOUNDED_RANGE).as("w"))
            .select($("item"), $("price"),
                call("concat_agg", $("price").cast(DataTypes.STRING())).over($("w")).as("so_far")),
        "SELECT item, price, concat_agg(CAST(price AS STRING)) OVER (PARTITION BY item ORDER BY ts"
            + " RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS so_far FROM bids",
        "+I[a, 10, 10]", "+I[b, 20, 20]", "+I[a, 30, 10,30]", "+I[a, 40, 10,30,40]",
        "+I[b, 50, 20,50]");
  }

  @Test
  void aFunctionWithoutRetractIsRefusedOverAnUpdatingTable() {
    Table counts = env.from("bids").groupBy($("item")).select($("item"), $("price").count().as("n"));
    assertThatThrownBy(() -> counts.select(call("concat_agg", $("item"))).execute())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Aggregate function 'CONCAT_AGG'")
        .hasMessageContaining("must implement a method 'public void retract(Accumulator, String)'");
  }

  private static void assertTwins(Table table, String sql, String... expected) {
    String plan = table.explain();
    String sqlPlan = env.explainSql(sql);
    assertThat(plan.substring(plan.indexOf("== Optimized Physical Plan ==")))
        .isEqualTo(sqlPlan.substring(sqlPlan.indexOf("== Optimized Physical Plan ==")));
    assertThat(TableApiTwinsTest.rows(table.execute())).containsExactlyInAnyOrder(expected);
    assertThat(TableApiTwinsTest.rows(env.executeSql(sql))).containsExactlyInAnyOrder(expected);
  }
}
