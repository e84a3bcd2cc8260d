package io.strom.examples;

import static io.strom.table.api.Expressions.$;
import static io.strom.table.api.Expressions.lit;

import io.strom.configuration.Configuration;
import io.strom.table.api.CloseableRowIterator;
import io.strom.table.api.EnvironmentSettings;
import io.strom.table.api.Schema;
import io.strom.table.api.Table;
import io.strom.table.api.TableDescriptor;
import io.strom.table.api.TableEnvironment;
import io.strom.table.api.TableResult;
import io.strom.table.api.Tumble;
import io.strom.types.DataTypes;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A Table API pipeline between Kafka topics: reads JSON orders, sums them per product in one-minute
 * event-time windows and writes each window's totals as JSON to another topic. It runs until the
 * program is stopped (Ctrl-C).
 *
 * <pre>
 * bin/strom-example TableApiKafkaExample [bootstrap servers (default localhost:9092)]
 *     [input topic (default orders)] [output topic (default product-sales)] [parallelism (default 1)]
 * </pre>
 *
 * <p>An order on the input topic looks like {@code {"order_id": 1, "user_name": "alice",
 * "product": "apples", "amount": 12.50, "order_time": "2024-01-01 09:00:01"}}; a result on the
 * output topic like {@code {"window_start": "2024-01-01 09:00:00", "window_end": "2024-01-01
 * 09:01:00", "product": "apples", "orders": 3, "total": 30.50}}. A window's result is written
 * once, when the watermark (five seconds behind the latest order time of every source subtask)
 * passes the window's end.
 */
public final class TableApiKafkaExample {
  private TableApiKafkaExample() {}

  public static void main(String[] args) throws Exception {
    String servers = args.length > 0 ? args[0] : "localhost:9092";
    String input = args.length > 1 ? args[1] : "orders";
    String output = args.length > 2 ? args[2] : "product-sales";
    int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 1;

    TableEnvironment env = environment(parallelism);
    CountDownLatch stopped = new CountDownLatch(1);
    // Closing the environment stops the job and the embedded cluster it runs on.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        env.close();
      } catch (Exception e) {
        throw new IllegalStateException("Could not stop the pipeline", e);
      } finally {
        stopped.countDown();
      }
    }, "stop-pipeline"));
    String jobId = start(env, servers, input, output);
    System.out.println("Job " + jobId + " reads '" + input + "' and writes '" + output
        + "' on " + servers + ". Ctrl-C stops it.");
    stopped.await();
  }

  /** An environment whose jobs run with {@code parallelism} subtasks per operator. */
  public static TableEnvironment environment(int parallelism) {
    return TableEnvironment.create(
        EnvironmentSettings.newInstance()
            .inStreamingMode()
            .withConfiguration(Configuration.fromMap(
                Map.of("parallelism.default", Integer.toString(parallelism))))
            .build());
  }

  /**
   * Declares the two topics as tables in {@code env} and starts the job that fills the output
   * topic; returns the job's id. The job runs until it is stopped ({@code STOP JOB}) or the
   * environment is closed.
   */
  public static String start(TableEnvironment env, String servers, String input, String output) {
    env.createTemporaryTable("orders", ordersTable(servers, input));
    env.createTemporaryTable("product_sales", salesTable(servers, output));
    // An insert over an unbounded table returns at once, reporting the id of the job it started.
    TableResult started = windowTotals(env.from("orders")).executeInsert("product_sales");
    try (CloseableRowIterator rows = started.collect()) {
      return String.valueOf(rows.next().getField(0));
    }
  }

  /** The input topic: JSON orders from the earliest offset on, with {@code order_time} as event time. */
  static TableDescriptor ordersTable(String servers, String topic) {
    return TableDescriptor.forConnector("kafka")
        .schema(Schema.newBuilder()
            .column("order_id", DataTypes.BIGINT())
            .column("user_name", DataTypes.STRING())
            .column("product", DataTypes.STRING())
            .column("amount", DataTypes.DECIMAL(10, 2))
            .column("order_time", DataTypes.TIMESTAMP(3))
            // Orders may arrive up to five seconds out of order.
            .watermark("order_time", "order_time - INTERVAL '5' SECOND")
            .build())
        .option("topic", topic)
        .option("properties.bootstrap.servers", servers)
        .option("scan.startup.mode", "earliest-offset")
        .format("json")
        .build();
  }

  /** The output topic: one JSON record per window and product. */
  static TableDescriptor salesTable(String servers, String topic) {
    return TableDescriptor.forConnector("kafka")
        .schema(Schema.newBuilder()
            .column("window_start", DataTypes.TIMESTAMP(3))
            .column("window_end", DataTypes.TIMESTAMP(3))
            .column("product", DataTypes.STRING())
            .column("orders", DataTypes.BIGINT())
            .column("total", DataTypes.DECIMAL(38, 2))
            .build())
        .option("topic", topic)
        .option("properties.bootstrap.servers", servers)
        .format("json")
        .build();
  }

  /**
   * Orders and sales per product and minute of event time. The SQL twin:
   *
   * <pre>
   * SELECT window_start, window_end, product, COUNT(order_id) AS orders, SUM(amount) AS total
   * FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_time), INTERVAL '1' MINUTE))
   * GROUP BY window_start, window_end, product
   * </pre>
   */
  static Table windowTotals(Table orders) {
    return orders
        .window(Tumble.over(lit(1).minutes()).on($("order_time")).as("w"))
        .groupBy($("w"), $("product"))
        .select(
            $("w").start().as("window_start"),
            $("w").end().as("window_end"),
            $("product"),
            $("order_id").count().as("orders"),
            $("amount").sum().as("total"));
  }
}
