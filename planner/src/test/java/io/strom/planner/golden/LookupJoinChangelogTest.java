package io.strom.planner.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.planner.session.SqlSession;
import io.strom.planner.testing.TestValuesTableFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The exact changes of lookup joins against a bounded table, which the golden files only see
 * materialized: each probe row's result is emitted once, with the probe row's kind, and never
 * retracted, where a regular join would revise its output as the other side's rows arrive.
 */
class LookupJoinChangelogTest {
  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private static Row payment(RowKind kind, int id, String currency) {
    GenericRow row = new GenericRow(2);
    row.setKind(kind);
    row.setInt(0, id);
    row.setString(1, StringData.fromString(currency));
    return row;
  }

  private static Row rate(String currency, int rate) {
    GenericRow row = new GenericRow(2);
    row.setString(0, StringData.fromString(currency));
    row.setInt(1, rate);
    return row;
  }

  private String rates() {
    String rates = TestValuesTableFactory.register(List.of(rate("EUR", 110), rate("GBP", 125)));
    session.execute("CREATE TABLE rates (currency STRING, rate INT)"
        + " WITH ('connector' = 'test-values', 'data-id' = '" + rates + "')");
    return rates;
  }

  @Test
  void leftJoinEmitsEachProbeRowOnceAsAnInsertAndReadsTheTableOncePerSubtask() {
    session.execute("SET 'parallelism.default' = '2'");
    String rates = rates();
    List<Row> payments = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int id = 0; id < 200; id++) {
      String currency = List.of("EUR", "GBP", "USD").get(id % 3);
      payments.add(payment(RowKind.INSERT, id, currency));
      expected.add("+I | " + id + " | " + switch (currency) {
        case "EUR" -> "110";
        case "GBP" -> "125";
        default -> "NULL";
      });
    }
    session.execute("CREATE TABLE payments (id INT, currency STRING) WITH ("
        + "'connector' = 'test-values', 'data-id' = '"
        + TestValuesTableFactory.register(payments) + "')");

    List<String> changes = GoldenSqlTest.render(session.execute(
        "SELECT p.id, r.rate FROM (SELECT *, PROCTIME() AS pt FROM payments) AS p"
            + " LEFT JOIN rates FOR SYSTEM_TIME AS OF p.pt AS r ON p.currency = r.currency"), true);

    // Padded rows (USD) are final: no -D of a padded row, no +I of a late match.
    assertThat(changes).containsExactlyInAnyOrderElementsOf(expected);
    // Each of the two subtasks read the whole table, once: 2 rows each.
    assertThat(TestValuesTableFactory.reads(rates)).isEqualTo(4);
  }

  @Test
  void joinedRowsKeepTheKindsOfAnUpdatingProbeSide() {
    session.execute("SET 'parallelism.default' = '1'");
    rates();
    String payments = TestValuesTableFactory.register(List.of(
        payment(RowKind.INSERT, 1, "EUR"),
        payment(RowKind.UPDATE_BEFORE, 1, "EUR"),
        payment(RowKind.UPDATE_AFTER, 1, "GBP"),
        payment(RowKind.DELETE, 1, "GBP")));
    session.execute("CREATE TABLE payments (id INT, currency STRING,"
        + " PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'test-values',"
        + " 'changelog-mode' = 'all', 'data-id' = '" + payments + "')");

    List<String> changes = GoldenSqlTest.render(session.execute(
        "SELECT p.id, r.rate FROM (SELECT *, PROCTIME() AS pt FROM payments) AS p"
            + " JOIN rates FOR SYSTEM_TIME AS OF p.pt AS r ON p.currency = r.currency"), true);

    assertThat(changes).containsExactly("+I | 1 | 110", "-U | 1 | 110", "+U | 1 | 125",
        "-D | 1 | 125");
  }
}
