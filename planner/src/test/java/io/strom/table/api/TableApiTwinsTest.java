package io.strom.table.api;

import static io.strom.table.api.Expressions.$;
import static io.strom.table.api.Expressions.CURRENT_ROW;
import static io.strom.table.api.Expressions.UNBOUNDED_RANGE;
import static io.strom.table.api.Expressions.call;
import static io.strom.table.api.Expressions.ifThenElse;
import static io.strom.table.api.Expressions.lit;
import static io.strom.table.api.Expressions.rowInterval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.data.RowKind;
import io.strom.planner.ValidationException;
import io.strom.types.Row;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Table API operation next to the SQL query it mirrors: both must give the expected rows and
 * the same optimized physical plan.
 */
class TableApiTwinsTest {
  @TempDir static Path dir;
  private static TableEnvironment env;

  @BeforeAll
  static void createTables() {
    env = TableEnvironment.create(
        EnvironmentSettings.newInstance()
            .inStreamingMode()
            .withConfiguration(Configuration.fromMap(java.util.Map.of(
                "parallelism.default", "1", "pipeline.auto-watermark-interval", "0")))
            .build());
    env.executeSql("CREATE TABLE bids (ts TIMESTAMP(3), item STRING, price INT, bidder BIGINT,"
        + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'filesystem',"
        + " 'path' = '" + dir.resolve("bids") + "', 'format' = 'csv')");
    env.executeSql("INSERT INTO bids VALUES"
        + " (TIMESTAMP '2024-01-01 10:00:01', 'a', 1, 1),"
        + " (TIMESTAMP '2024-01-01 10:03:00', 'b', 2, 2),"
        + " (TIMESTAMP '2024-01-01 10:09:59', 'a', 3, 1),"
        + " (TIMESTAMP '2024-01-01 10:10:00', 'a', 4, 3),"
        + " (TIMESTAMP '2024-01-01 10:14:00', 'b', 5, 2),"
        + " (TIMESTAMP '2024-01-01 10:21:00', 'a', 6, NULL)");
    env.executeSql("CREATE TABLE items (name STRING, category STRING) WITH ("
        + " 'connector' = 'filesystem', 'path' = '" + dir.resolve("items") + "', 'format' = 'csv')");
    env.executeSql("INSERT INTO items VALUES ('a', 'books'), ('c', 'games')");
    env.executeSql("CREATE TABLE lines (id INT, line STRING) WITH ('connector' = 'filesystem',"
        + " 'path' = '" + dir.resolve("lines") + "', 'format' = 'csv', 'csv.null-literal' = '<null>')");
    env.executeSql("INSERT INTO lines VALUES (1, 'to be'), (2, ''), (3, CAST(NULL AS STRING))");
    env.createTemporarySystemFunction("split", io.strom.planner.testing.SplitFunction.class);
  }

  @Test
  void lateralJoinsWithTableFunctions() {
    assertTwins(
        env.from("lines").joinLateral(call("split", $("line")).as("word", "len"))
            .select($("id"), $("word"), $("len")),
        "SELECT id, word, len FROM lines, LATERAL TABLE(split(line)) AS T(word, len)",
        "+I[1, to, 2]", "+I[1, be, 2]");
    assertTwins(
        env.from("lines").leftOuterJoinLateral(call("split", $("line")).as("word", "len"))
            .select($("id"), $("word")),
        "SELECT id, word FROM lines LEFT JOIN LATERAL TABLE(split(line)) AS T(word, len) ON TRUE",
        "+I[1, to]", "+I[1, be]", "+I[2, null]", "+I[3, null]");
  }

  @AfterAll
  static void close() throws Exception {
    env.close();
  }

  @Test
  void selectAndFilter() {
    assertTwins(
        env.from("bids").filter($("price").isGreater(2)).select($("item"), $("price").times(10).as("p10")),
        "SELECT item, price * 10 AS p10 FROM bids WHERE price > 2",
        "+I[a, 30]", "+I[a, 40]", "+I[b, 50]", "+I[a, 60]");
  }

  @Test
  void whereWithLogicAndNullChecks() {
    assertTwins(
        env.from("bids").where($("bidder").isNull().or($("item").isEqual("b").and($("price").isLess(5))))
            .select($("price")),
        "SELECT price FROM bids WHERE bidder IS NULL OR (item = 'b' AND price < 5)",
        "+I[2]", "+I[6]");
  }

  @Test
  void columnOperations() {
    Table table = env.from("bids")
        .dropColumns($("ts"), $("bidder"))
        .addColumns($("price").plus(1).as("following"))
        .renameColumns($("item").as("name"))
        .filter($("price").isEqual(1));
    assertTwins(table, "SELECT item AS name, price, price + 1 AS following FROM bids WHERE price = 1",
        "+I[a, 1, 2]");
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("name", "price", "following");
  }

  @Test
  void addOrReplaceColumnsReplacesInPlace() {
    assertTwins(
        env.from("items").addOrReplaceColumns($("name").upperCase().as("name")),
        "SELECT UPPER(name) AS name, category FROM items",
        "+I[A, books]", "+I[C, games]");
  }

  @Test
  void groupByAggregates() {
    assertTwins(
        env.from("bids").groupBy($("item"))
            .select($("item"), $("price").sum().as("total"), $("bidder").count().as("bidders"),
                $("bidder").distinct().count().as("distinct_bidders")),
        "SELECT item, SUM(price) AS total, COUNT(bidder) AS bidders,"
            + " COUNT(DISTINCT bidder) AS distinct_bidders FROM bids GROUP BY item",
        "+I[a, 14, 3, 2]", "+I[b, 7, 2, 1]");
  }

  @Test
  void globalAggregateAndDistinct() {
    assertTwins(env.from("bids").select($("price").max().as("m"), $("price").avg().as("a")),
        "SELECT MAX(price) AS m, AVG(price) AS a FROM bids", "+I[6, 3]");
    assertTwins(env.from("bids").select($("item")).distinct(),
        "SELECT DISTINCT item FROM bids", "+I[a]", "+I[b]");
  }

  @Test
  void joins() {
    Table bids = env.from("bids").select($("item"), $("price"));
    Table items = env.from("items");
    assertTwins(bids.join(items, $("item").isEqual($("name"))).select($("price"), $("category")),
        "SELECT price, category FROM (SELECT item, price FROM bids) JOIN items ON item = name",
        "+I[1, books]", "+I[3, books]", "+I[4, books]", "+I[6, books]");
    assertTwins(bids.join(items).where($("item").isEqual($("name"))).select($("price"), $("category")),
        "SELECT price, category FROM (SELECT item, price FROM bids), items WHERE item = name",
        "+I[1, books]", "+I[3, books]", "+I[4, books]", "+I[6, books]");
    assertTwins(
        env.from("items").leftOuterJoin(bids, $("name").isEqual($("item"))).groupBy($("name"))
            .select($("name"), $("price").count().as("n")),
        "SELECT name, COUNT(price) AS n FROM items LEFT JOIN (SELECT item, price FROM bids)"
            + " ON name = item GROUP BY name",
        "+I[a, 4]", "+I[c, 0]");
  }

  @Test
  void mapAndFlatMap() {
    assertTwins(
        env.from("bids").filter($("price").isLess(3))
            .map(Expressions.row($("item").upperCase(), $("price").times(2))),
        "SELECT t.`_c0`.`EXPR$0` AS `EXPR$0`, t.`_c0`.`EXPR$1` AS `EXPR$1` FROM"
            + " (SELECT ROW(UPPER(item), price * 2) AS `_c0` FROM bids WHERE price < 3) AS t",
        "+I[A, 2]", "+I[B, 4]");
    assertTwins(
        env.from("bids").filter($("price").isLess(3)).map($("item").upperCase()),
        "SELECT UPPER(item) AS `_c0` FROM bids WHERE price < 3",
        "+I[A]", "+I[B]");
    assertTwins(
        env.from("lines").flatMap(call("split", $("line"))),
        "SELECT T.* FROM lines, LATERAL TABLE(split(line)) AS T",
        "+I[to, 2]", "+I[be, 2]");
  }

  @Test
  void intervalJoinConditions() {
    Table early = env.from("bids").select($("ts").as("t1"), $("item").as("i1"));
    Table late = env.from("bids").select($("ts").as("t2"), $("item").as("i2"), $("price"));
    assertTwins(
        early.join(late).where(Expressions.and(
                $("i1").isEqual($("i2")),
                $("t2").isGreater($("t1")),
                $("t2").isLessOrEqual($("t1").plus(lit(10).minutes()))))
            .select($("i1"), $("price")),
        "SELECT i1, price FROM (SELECT ts AS t1, item AS i1 FROM bids),"
            + " (SELECT ts AS t2, item AS i2, price FROM bids)"
            + " WHERE i1 = i2 AND t2 > t1 AND t2 <= t1 + INTERVAL '10' MINUTE",
        "+I[a, 3]", "+I[a, 4]", "+I[a, 4]");
  }

  @Test
  void joinRefusesSharedColumnNames() {
    assertThatThrownBy(() -> env.from("items").join(env.from("items")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("both have [name, category]");
  }

  @Test
  void unions() {
    Table a = env.from("items").select($("name"));
    Table b = env.from("bids").select($("item").as("name"));
    assertTwins(a.union(b), "SELECT name FROM items UNION SELECT item AS name FROM bids",
        "+I[a]", "+I[b]", "+I[c]");
    assertThat(rows(a.unionAll(b).execute())).hasSize(8);
  }

  @Test
  void orderByWithFetch() {
    assertTwins(
        env.from("bids").orderBy($("price").desc()).fetch(2).select($("item"), $("price")),
        "SELECT item, price FROM (SELECT * FROM bids ORDER BY price DESC LIMIT 2)",
        "+I[a, 6]", "+I[b, 5]");
    assertTwins(
        env.from("bids").orderBy($("price").desc()).offset(1).fetch(2).select($("price")),
        "SELECT price FROM (SELECT * FROM bids ORDER BY price DESC OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY)",
        "+I[5]", "+I[4]");
  }

  @Test
  void tumblingWindow() {
    assertTwins(
        env.from("bids")
            .window(Tumble.over(lit(10).minutes()).on($("ts")).as("w"))
            .groupBy($("w"), $("item"))
            .select($("item"), $("w").start().as("ws"), $("w").end().as("we"), $("price").sum().as("total")),
        "SELECT item, window_start AS ws, window_end AS we, SUM(price) AS total"
            + " FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' MINUTE))"
            + " GROUP BY window_start, window_end, item",
        "+I[a, 2024-01-01T10:00, 2024-01-01T10:10, 4]",
        "+I[b, 2024-01-01T10:00, 2024-01-01T10:10, 2]",
        "+I[a, 2024-01-01T10:10, 2024-01-01T10:20, 4]",
        "+I[b, 2024-01-01T10:10, 2024-01-01T10:20, 5]",
        "+I[a, 2024-01-01T10:20, 2024-01-01T10:30, 6]");
  }

  @Test
  void windowAggregateIsReadBySqlByName() {
    // A window aggregation's window_start and window_end are NOT NULL; read through the view the
    // table registers as, they must stay so, or the view's query no longer fits its columns.
    Table totals = env.from("bids")
        .window(Tumble.over(lit(10).minutes()).on($("ts")).as("w"))
        .groupBy($("w"), $("item"))
        .select($("w").start().as("window_start"), $("w").end().as("window_end"), $("item"),
            $("price").sum().as("total"));
    Table best = env.sqlQuery("SELECT window_start, item, total FROM (SELECT *, ROW_NUMBER() OVER ("
        + "PARTITION BY window_start, window_end ORDER BY total DESC) AS rn FROM " + totals
        + ") WHERE rn = 1");
    assertThat(rows(best.execute())).containsExactlyInAnyOrder(
        "+I[2024-01-01T10:00, a, 4]", "+I[2024-01-01T10:10, b, 5]", "+I[2024-01-01T10:20, a, 6]");
  }

  @Test
  void slidingWindow() {
    assertTwins(
        env.from("bids")
            .window(Slide.over(lit(10).minutes()).every(lit(5).minutes()).on($("ts")).as("w"))
            .groupBy($("w"))
            .select($("w").start().as("ws"), $("price").sum().as("total")),
        "SELECT window_start AS ws, SUM(price) AS total"
            + " FROM TABLE(HOP(TABLE bids, DESCRIPTOR(ts), INTERVAL '5' MINUTE, INTERVAL '10' MINUTE))"
            + " GROUP BY window_start, window_end",
        "+I[2024-01-01T09:55, 3]", "+I[2024-01-01T10:00, 6]", "+I[2024-01-01T10:05, 12]",
        "+I[2024-01-01T10:10, 9]", "+I[2024-01-01T10:15, 6]", "+I[2024-01-01T10:20, 6]");
  }

  @Test
  void sessionWindow() {
    assertTwins(
        env.from("bids")
            .window(Session.withGap(lit(5).minutes()).on($("ts")).as("w"))
            .groupBy($("w"), $("item"))
            .select($("item"), $("w").start().as("ws"), $("price").sum().as("total")),
        "SELECT item, window_start AS ws, SUM(price) AS total"
            + " FROM TABLE(SESSION(TABLE bids PARTITION BY item, DESCRIPTOR(ts), INTERVAL '5' MINUTE))"
            + " GROUP BY window_start, window_end, item",
        "+I[a, 2024-01-01T10:00:01, 1]", "+I[a, 2024-01-01T10:09:59, 7]",
        "+I[a, 2024-01-01T10:21, 6]", "+I[b, 2024-01-01T10:03, 2]", "+I[b, 2024-01-01T10:14, 5]");
  }

  @Test
  void overWindow() {
    assertTwins(
        env.from("bids")
            .window(Over.partitionBy($("item")).orderBy($("ts")).preceding(UNBOUNDED_RANGE).as("w"))
            .select($("item"), $("price"), $("price").sum().over($("w")).as("so_far")),
        "SELECT item, price, SUM(price) OVER (PARTITION BY item ORDER BY ts"
            + " RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS so_far FROM bids",
        "+I[a, 1, 1]", "+I[b, 2, 2]", "+I[a, 3, 4]", "+I[a, 4, 8]", "+I[b, 5, 7]", "+I[a, 6, 14]");
    assertTwins(
        env.from("bids")
            .window(Over.orderBy($("ts")).preceding(rowInterval(1)).following(CURRENT_ROW).as("w"))
            .select($("price"), $("price").sum().over($("w")).as("pair")),
        "SELECT price, SUM(price) OVER (ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)"
            + " AS pair FROM bids",
        "+I[1, 1]", "+I[2, 3]", "+I[3, 5]", "+I[4, 7]", "+I[5, 9]", "+I[6, 11]");
  }

  @Test
  void expressionsAndFunctions() {
    assertTwins(
        env.from("bids").filter($("price").isLessOrEqual(2)).select(
            ifThenElse($("price").isGreater(1), "big", "small").as("size"),
            call("upper", $("item")).as("u"),
            $("price").cast(io.strom.types.DataTypes.DOUBLE()).dividedBy(4).as("q"),
            $("item").in("a", "z").as("known"),
            $("ts").plus(lit(1).hours()).as("later")),
        "SELECT CASE WHEN price > 1 THEN 'big' ELSE 'small' END AS size, UPPER(item) AS u,"
            + " CAST(price AS DOUBLE) / 4 AS q, item IN ('a', 'z') AS known,"
            + " ts + INTERVAL '1' HOUR AS later FROM bids WHERE price <= 2",
        "+I[small, A, 0.25, true, 2024-01-01T11:00:01]",
        "+I[big, B, 0.5, false, 2024-01-01T11:03]");
  }

  @Test
  void fromValuesNamesColumnsLikeFlink() {
    Table values = env.fromValues(Row.of(1, "one"), Row.of(2, "two"));
    assertThat(values.getResolvedSchema().getColumnNames()).containsExactly("f0", "f1");
    assertThat(rows(values.filter($("f0").isGreater(1)).execute())).containsExactly("+I[2, two]");
  }

  @Test
  void tablesAndViewsMeetSql() {
    Table cheap = env.from("bids").filter($("price").isLess(3));
    assertThat(rows(env.sqlQuery("SELECT item FROM " + cheap + " WHERE price > 1").execute()))
        .containsExactly("+I[b]");
    env.createTemporaryView("cheap_bids", cheap);
    assertThat(env.listTables()).contains("cheap_bids");
    assertThat(rows(env.executeSql("SELECT COUNT(*) FROM cheap_bids"))).containsExactly("+I[2]");
  }

  @Test
  void descriptorsCreateTablesAndInsertsRunAsSets() {
    env.createTemporaryTable("totals", TableDescriptor.forConnector("filesystem")
        .schema(Schema.newBuilder().column("item", io.strom.types.DataTypes.STRING())
            .column("total", io.strom.types.DataTypes.INT()).build())
        .option("path", dir.resolve("totals").toString())
        .format("csv")
        .build());
    env.createTemporaryTable("expensive", TableDescriptor.forConnector("filesystem")
        .schema(Schema.newBuilder().column("item", io.strom.types.DataTypes.STRING()).build())
        .option("path", dir.resolve("expensive").toString())
        .format("csv")
        .build());
    TableResult written = env.createStatementSet()
        .addInsert("totals", env.from("bids").filter($("price").isLess(3)).select($("item"), $("price")))
        .addInsertSql("INSERT INTO expensive SELECT item FROM bids WHERE price > 4")
        .execute();
    assertThat(rows(written)).containsExactlyInAnyOrder("+I[default_catalog.default_database.totals, 2]",
        "+I[default_catalog.default_database.expensive, 2]");
    assertThat(rows(env.from("totals").execute())).containsExactlyInAnyOrder("+I[a, 1]", "+I[b, 2]");
    assertThat(rows(env.from("expensive").execute())).containsExactlyInAnyOrder("+I[b]", "+I[a]");
  }

  @Test
  void errorsAreSqlValidationErrorsWithoutPositions() {
    assertThatThrownBy(() -> env.from("bids").select($("prize")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Column 'prize' not found")
        .hasMessageContaining("price")
        .hasMessageNotContaining("line");
    String sqlMessage = messageOf(() -> env.sqlQuery("SELECT item + 1 FROM bids"));
    String apiMessage = messageOf(() -> env.from("bids").select($("item").plus(1)));
    assertThat(apiMessage).isEqualTo(sqlMessage.replaceFirst("^At line \\d+, column \\d+: ", ""));
    assertThatThrownBy(() -> env.from("bids").window(Tumble.over(lit(10).minutes()).on($("ts")).as("w"))
            .groupBy($("item")))
        .hasMessageContaining("must name its window");
  }

  // ---- helpers

  private static String messageOf(Runnable action) {
    try {
      action.run();
    } catch (ValidationException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a validation error");
  }

  private static void assertTwins(Table table, String sql, String... expected) {
    assertThat(physicalPlan(table.explain())).isEqualTo(physicalPlan(env.explainSql(sql)));
    List<String> fromTable = rows(table.execute());
    List<String> fromSql = rows(env.executeSql(sql));
    assertThat(fromTable).containsExactlyInAnyOrder(expected);
    assertThat(fromSql).containsExactlyInAnyOrderElementsOf(fromTable);
    assertThat(table.getResolvedSchema()).isEqualTo(env.sqlQuery(sql).getResolvedSchema());
  }

  private static String physicalPlan(String explain) {
    return explain.substring(explain.indexOf("== Optimized Physical Plan =="));
  }

  /** The result's rows after applying its changes, printed as {@code +I[...]}. */
  static List<String> rows(TableResult result) {
    List<Row> table = new ArrayList<>();
    try (CloseableRowIterator it = result.collect()) {
      while (it.hasNext()) {
        Row row = it.next();
        RowKind kind = row.getKind();
        row.setKind(RowKind.INSERT);
        if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
          table.add(row);
        } else if (!table.remove(row)) {
          throw new AssertionError("A retraction of a row that is not there: " + row);
        }
      }
    }
    return table.stream().map(Row::toString).toList();
  }
}
