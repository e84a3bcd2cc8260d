package io.strom.sql.gateway;

import static io.strom.sql.gateway.GatewayTestSupport.connect;
import static io.strom.sql.gateway.GatewayTestSupport.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A plain java.sql program against the gateway, through Strom's driver. */
@Timeout(120)
class GatewayJdbcTest {
  private static GatewayServer gateway;

  @BeforeAll
  static void start() {
    gateway = GatewayServer.start(GatewayTestSupport.configuration());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void createsTablesAndReadsBoundedQueries() throws Exception {
    try (Connection connection = connect(gateway);
        Statement statement = connection.createStatement()) {
      assertThat(statement.execute(
              "CREATE TABLE orders (id BIGINT, amount DECIMAL(10, 2), product STRING) WITH ("
                  + " 'connector' = 'datagen', 'number-of-rows' = '6', 'fields.id.kind' = 'sequence',"
                  + " 'fields.id.start' = '1', 'fields.id.end' = '6', 'fields.amount.min' = '1',"
                  + " 'fields.amount.max' = '9', 'fields.product.length' = '3')"))
          .isFalse();

      List<Long> ids = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT id * 10 AS tens, amount FROM orders WHERE id > 2")) {
        assertThat(rows.getMetaData().getColumnLabel(1)).isEqualTo("tens");
        assertThat(rows.getMetaData().getColumnType(2)).isEqualTo(java.sql.Types.DECIMAL);
        while (rows.next()) {
          ids.add(rows.getLong("tens"));
          assertThat(rows.getBigDecimal("amount")).isBetween(BigDecimal.ONE, new BigDecimal("9"));
        }
      }
      assertThat(ids).containsExactlyInAnyOrder(30L, 40L, 50L, 60L);

      // An updating query over bounded tables gives its final table.
      List<String> counts = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(
          "SELECT id % 2 AS parity, COUNT(*) AS c FROM orders GROUP BY id % 2")) {
        while (rows.next()) {
          counts.add(rows.getLong(1) + "=" + rows.getLong(2));
        }
      }
      assertThat(counts).containsExactlyInAnyOrder("0=3", "1=3");

      try (ResultSet tables = connection.getMetaData().getTables(null, null, "ord%", null)) {
        assertThat(tables.next()).isTrue();
        assertThat(tables.getString("TABLE_NAME")).isEqualTo("orders");
      }
    }
  }

  @Test
  void errorsReachTheClientWithTheirMessage() throws Exception {
    try (Connection connection = connect(gateway);
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT nope FROM missing"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("missing");
      // The session survives its errors.
      try (ResultSet rows = statement.executeQuery("SHOW CATALOGS")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("default_catalog");
      }
    }
  }

  @Test
  void streamingQueryYieldsRowsAsTheyArriveAndCancelStopsItsJob() throws Exception {
    try (Connection connection = connect(gateway);
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE ticks (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '20')");
      ResultSet rows = statement.executeQuery("SELECT id FROM ticks");
      assertThat(rows.getMetaData().getColumnLabel(1)).isEqualTo("op");
      assertThat(rows.getMetaData().getColumnTypeName(1)).isEqualTo("CHANGE_KIND");
      assertThat(waitForJobs(1)).isTrue();

      AtomicInteger read = new AtomicInteger();
      CompletableFuture<Throwable> reader =
          CompletableFuture.supplyAsync(() -> {
            try {
              while (rows.next()) {
                assertThat(rows.getString("op")).isEqualTo("+I");
                read.incrementAndGet();
              }
              return null;
            } catch (SQLException | RuntimeException e) {
              // Avatica's client hands the gateway's error on unchecked from inside next().
              return e;
            }
          });
      // Rows come at 20 a second: a few have arrived, one by one, while the query runs on.
      waitUntil("the client has read 5 rows", () -> read.get() >= 5);
      statement.cancel();

      Throwable ended = reader.get(60, TimeUnit.SECONDS);
      assertThat(ended).hasMessageContaining("The query was cancelled");
      waitUntil("the query's job has stopped", () -> gateway.cluster().jobs().isEmpty());
    }
  }

  @Test
  void cancelStopsABoundedInsertStillRunning() throws Exception {
    try (Connection connection = connect(gateway);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE slow (id BIGINT) WITH ('connector' = 'datagen',"
          + " 'number-of-rows' = '100000', 'rows-per-second' = '100')");
      statement.execute("CREATE TABLE nowhere (id BIGINT) WITH ('connector' = 'blackhole')");
      CompletableFuture<Throwable> insert =
          CompletableFuture.supplyAsync(() -> {
            try {
              statement.execute("INSERT INTO nowhere SELECT id FROM slow");
              return null;
            } catch (SQLException | RuntimeException e) {
              return e;
            }
          });
      assertThat(waitForJobs(1)).isTrue();
      statement.cancel();

      // The insert waited for its job, which would take 1,000 s; the cancel ends both.
      assertThat(insert.get(60, TimeUnit.SECONDS)).isNotNull();
      waitUntil("the insert's job has stopped", () -> gateway.cluster().jobs().isEmpty());
    }
  }

  private static boolean waitForJobs(int count) throws InterruptedException {
    waitUntil(count + " job(s) running", () -> gateway.cluster().jobs().size() == count);
    return true;
  }
}
