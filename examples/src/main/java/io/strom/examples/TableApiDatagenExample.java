package io.strom.examples;

import static io.strom.table.api.Expressions.$;
import static io.strom.table.api.Expressions.lit;

import io.strom.configuration.Configuration;
import io.strom.table.api.EnvironmentSettings;
import io.strom.table.api.Schema;
import io.strom.table.api.Table;
import io.strom.table.api.TableDescriptor;
import io.strom.table.api.TableEnvironment;
import io.strom.table.api.Tumble;
import io.strom.types.DataTypes;
import java.util.Map;

/**
 * A first Table API program: generated orders, totals per product in ten-second event-time
 * windows, running totals per user, and the best-selling product of each window (written in SQL
 * over the Table API's result). Needs no external services; it ends when the generated orders run
 * out.
 *
 * <pre>bin/strom-example TableApiDatagenExample [orders (default 60)] [parallelism (default 2)]</pre>
 *
 * <p>Each query prints its result as a table with a change-kind column ({@code op}): window
 * results are final ({@code +I}); the running totals are updated ({@code -U}/{@code +U}) as orders
 * come.
 */
public final class TableApiDatagenExample {
  /** One order per second of event time, starting here. */
  static final String FIRST_ORDER_TIME = "2024-01-01 09:00:00.000";

  /** The products orders are spread over, in turn. */
  static final String[] PRODUCTS = {"apples", "bananas", "cherries"};

  /** The users orders are spread over, in turn. */
  static final int USERS = 4;

  private TableApiDatagenExample() {}

  public static void main(String[] args) throws Exception {
    long orders = args.length > 0 ? Long.parseLong(args[0]) : 60;
    int parallelism = args.length > 1 ? Integer.parseInt(args[1]) : 2;

    // A table environment is a SQL session seen from Java: its settings are the configuration
    // file's, overridden here. Closing it stops its jobs and its embedded cluster.
    try (TableEnvironment env = TableEnvironment.create(
        EnvironmentSettings.newInstance()
            .inStreamingMode()
            .withConfiguration(Configuration.fromMap(
                Map.of("parallelism.default", Integer.toString(parallelism))))
            .build())) {
      env.createTemporaryTable("orders", ordersTable(orders));
      Table ordersTable = env.from("orders");

      System.out.println("Totals per product and ten-second window:");
      Table windows = windowTotals(ordersTable);
      windows.execute().print();

      System.out.println("Running totals per user:");
      userTotals(ordersTable).execute().print();

      System.out.println("Best-selling product of each window:");
      bestProductPerWindow(env, windows).execute().print();
    }
  }

  /**
   * The generated orders, declared in Java as CREATE TABLE would declare them. The datagen
   * connector could draw every column at random ({@code fields.<column>.kind = random}); here only
   * {@code order_id} is generated, as a sequence, and the other columns are computed from it, so
   * that every run prints the same totals and the output is easy to check.
   */
  static TableDescriptor ordersTable(long orders) {
    return TableDescriptor.forConnector("datagen")
        .schema(Schema.newBuilder()
            .column("order_id", DataTypes.BIGINT())
            .columnByExpression("user_name", "CONCAT('user-', CAST(order_id % " + USERS + " AS STRING))")
            .columnByExpression("product", productExpression())
            // Amounts between 1.00 and 50.00 that jump about: (order_id * 7) mod 50, plus one.
            .columnByExpression("amount", "CAST((order_id * 7) % 50 + 1 AS DECIMAL(10, 2))")
            .columnByExpression("order_time",
                "TIMESTAMPADD(SECOND, CAST(order_id AS INT), TIMESTAMP '" + FIRST_ORDER_TIME + "')")
            // order_time becomes the event-time attribute. Orders may arrive up to a second late.
            .watermark("order_time", "order_time - INTERVAL '1' SECOND")
            .build())
        .option("number-of-rows", Long.toString(orders))
        .option("fields.order_id.kind", "sequence")
        .option("fields.order_id.start", "1")
        .option("fields.order_id.end", Long.toString(orders))
        .build();
  }

  /** {@code CASE order_id % 3 WHEN 0 THEN 'apples' ... END}: the products in turn. */
  private static String productExpression() {
    StringBuilder sql = new StringBuilder("CASE order_id % " + PRODUCTS.length);
    for (int i = 0; i < PRODUCTS.length; i++) {
      sql.append(" WHEN ").append(i).append(" THEN '").append(PRODUCTS[i]).append('\'');
    }
    return sql.append(" END").toString();
  }

  /**
   * Orders and sales per product in tumbling ten-second windows of event time. Each window's rows
   * come out once, when the watermark passes the window's end. The SQL twin:
   *
   * <pre>
   * SELECT window_start, window_end, product, COUNT(order_id) AS orders, SUM(amount) AS total
   * FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_time), INTERVAL '10' SECOND))
   * GROUP BY window_start, window_end, product
   * </pre>
   */
  static Table windowTotals(Table orders) {
    return orders
        .window(Tumble.over(lit(10).seconds()).on($("order_time")).as("w"))
        .groupBy($("w"), $("product"))
        .select(
            $("w").start().as("window_start"),
            $("w").end().as("window_end"),
            $("product"),
            $("order_id").count().as("orders"),
            $("amount").sum().as("total"));
  }

  /**
   * Orders and sales per user so far: a group aggregation, updated with every order. The SQL
   * twin: {@code SELECT user_name, COUNT(order_id) AS orders, SUM(amount) AS total FROM orders
   * GROUP BY user_name}.
   */
  static Table userTotals(Table orders) {
    return orders
        .groupBy($("user_name"))
        .select($("user_name"), $("order_id").count().as("orders"), $("amount").sum().as("total"));
  }

  /**
   * A window Top-N written in SQL over a table built in Java: a table's {@code toString()} is a
   * name SQL can read it by. Products with equal totals rank in the order their rows arrive.
   */
  static Table bestProductPerWindow(TableEnvironment env, Table windowTotals) {
    return env.sqlQuery(
        "SELECT window_start, product, total FROM ("
            + " SELECT *, ROW_NUMBER() OVER ("
            + "   PARTITION BY window_start, window_end ORDER BY total DESC) AS rn"
            + " FROM " + windowTotals + ")"
            + " WHERE rn = 1");
  }
}
