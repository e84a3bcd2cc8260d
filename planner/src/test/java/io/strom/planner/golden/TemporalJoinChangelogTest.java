package io.strom.planner.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.planner.session.SqlSession;
import io.strom.planner.testing.TestValuesTableFactory;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Event-time temporal joins against a versioned table read from a changelog (as a debezium-json
 * source gives it, each change with the time it happened), which no file in the golden tests can
 * hold: a delete ends a version, an update's old row does not.
 */
class TemporalJoinChangelogTest {
  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private static Row change(RowKind kind, String currency, int rate, String time) {
    GenericRow row = new GenericRow(3);
    row.setKind(kind);
    row.setString(0, StringData.fromString(currency));
    row.setInt(1, rate);
    row.setTimestamp(2, TimestampData.fromLocalDateTime(LocalDateTime.parse("2024-01-01T" + time)));
    return row;
  }

  private static Row order(int id, String currency, String time) {
    GenericRow row = new GenericRow(3);
    row.setInt(0, id);
    row.setString(1, StringData.fromString(currency));
    row.setTimestamp(2, TimestampData.fromLocalDateTime(LocalDateTime.parse("2024-01-01T" + time)));
    return row;
  }

  /** On both backends: on RocksDB a delete comes back from its bytes still a delete. */
  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aDeletedVersionMatchesNoLaterOrderAndAnUpdateReplacesTheOldVersion(String backend) {
    String rates = TestValuesTableFactory.register(List.of(
        change(RowKind.INSERT, "EUR", 114, "09:00"),
        change(RowKind.UPDATE_BEFORE, "EUR", 114, "09:00"),
        change(RowKind.UPDATE_AFTER, "EUR", 116, "10:00"),
        change(RowKind.DELETE, "EUR", 116, "11:00"),
        change(RowKind.INSERT, "EUR", 120, "12:00")));
    String orders = TestValuesTableFactory.register(List.of(
        order(1, "EUR", "08:30"),
        order(2, "EUR", "09:30"),
        order(3, "EUR", "10:30"),
        order(4, "EUR", "11:30"),
        order(5, "EUR", "12:30")));
    session.execute("SET 'state.backend.type' = '" + backend + "'");
    session.execute("SET 'parallelism.default' = '1'");
    session.execute("SET 'pipeline.auto-watermark-interval' = '0'");
    session.execute("CREATE TABLE rates (currency STRING, rate INT, update_time TIMESTAMP(3),"
        + " PRIMARY KEY (currency) NOT ENFORCED, WATERMARK FOR update_time AS update_time)"
        + " WITH ('connector' = 'test-values', 'changelog-mode' = 'all', 'data-id' = '" + rates
        + "')");
    session.execute("CREATE TABLE orders (id INT, currency STRING, order_time TIMESTAMP(3),"
        + " WATERMARK FOR order_time AS order_time)"
        + " WITH ('connector' = 'test-values', 'data-id' = '" + orders + "')");

    List<String> changes = GoldenSqlTest.render(session.execute(
        "SELECT o.id, r.rate FROM orders AS o"
            + " LEFT JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r"
            + " ON o.currency = r.currency"), true);

    // Order 4 comes after the delete at 11:00: no version is current then.
    assertThat(changes).containsExactlyInAnyOrder(
        "+I | 1 | NULL", "+I | 2 | 114", "+I | 3 | 116", "+I | 4 | NULL", "+I | 5 | 120");
  }
}
