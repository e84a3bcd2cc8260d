package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.StringData;
import io.strom.planner.testing.TestValuesTableFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A statement set whose inserts read the same table reads it once: one source feeds every insert,
 * and every sink still gets all of its rows. With source or sub-plan reuse off, each insert reads
 * the table itself.
 */
class StatementSetSourceReuseTest {
  private static final int ROWS = 50;

  private final SqlSession session = new SqlSession(new Configuration());
  private String data;

  @BeforeEach
  void createTables() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(GenericRow.of(i, StringData.fromString("row" + i)));
    }
    data = TestValuesTableFactory.register(rows);
    session.execute("CREATE TABLE events (id INT, name STRING) WITH ("
        + "'connector' = 'test-values', 'data-id' = '" + data + "')");
    session.execute("CREATE TABLE ids (id INT) WITH ('connector' = 'blackhole')");
    session.execute("CREATE TABLE names (id INT, name STRING) WITH ('connector' = 'blackhole')");
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @Test
  void twoInsertsFromOneTableReadEachRowOnce() {
    List<String> written = runStatementSet();

    assertThat(TestValuesTableFactory.reads(data)).isEqualTo(ROWS);
    assertThat(written).containsExactlyInAnyOrder(
        "default_catalog.default_database.ids | " + ROWS,
        "default_catalog.default_database.names | " + ROWS);
  }

  @Test
  void eachInsertReadsTheTableWithoutSourceReuse() {
    session.execute("SET 'table.optimizer.reuse-source-enabled' = 'false'");
    List<String> written = runStatementSet();

    assertThat(TestValuesTableFactory.reads(data)).isEqualTo(2L * ROWS);
    assertThat(written).hasSize(2).allMatch(line -> line.endsWith("| " + ROWS));
  }

  @Test
  void eachInsertReadsTheTableWithoutSubPlanReuse() {
    session.execute("SET 'table.optimizer.reuse-sub-plan-enabled' = 'false'");
    runStatementSet();

    assertThat(TestValuesTableFactory.reads(data)).isEqualTo(2L * ROWS);
  }

  /** Runs both inserts as one job; returns "table | rows written" per sink. */
  private List<String> runStatementSet() {
    StatementResult result = session.execute("EXECUTE STATEMENT SET BEGIN\n"
        + "INSERT INTO ids SELECT id FROM events;\n"
        + "INSERT INTO names SELECT id, name FROM events;\n"
        + "END");
    return result.rows().stream()
        .map(row -> row.getString(0) + " | " + row.getLong(1))
        .toList();
  }
}
