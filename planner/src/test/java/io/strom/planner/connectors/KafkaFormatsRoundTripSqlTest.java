package io.strom.planner.connectors;

import static io.strom.planner.connectors.KafkaSqlTesting.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.connector.kafka.KafkaTestBroker;
import io.strom.planner.session.SqlSession;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value format both ways through a real broker: rows written with {@code INSERT} read back
 * with {@code SELECT} as they were, nested values (ROW, ARRAY, MAP) and NULLs included wherever
 * the format can hold them.
 */
class KafkaFormatsRoundTripSqlTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();

  /** Columns with nested types, for the formats that hold them. */
  private static final String NESTED_COLUMNS = "id INT, name STRING, price DECIMAL(10, 2),"
      + " tags ARRAY<STRING>, attrs MAP<STRING, INT>, address ROW<city STRING, zip INT>";
  private static final String NESTED_VALUES =
      "(1, 'one', 9.99, ARRAY['a', CAST(NULL AS STRING)], MAP['k', 1, 'n', CAST(NULL AS INT)],"
          + " ROW('Oslo', CAST(NULL AS INT))),"
          + " (2, CAST(NULL AS STRING), CAST(NULL AS DECIMAL(10, 2)), CAST(NULL AS ARRAY<STRING>),"
          + " CAST(NULL AS MAP<STRING, INT>), CAST(NULL AS ROW<city STRING, zip INT>)),"
          + " (3, '', 0.00, ARRAY[CAST(NULL AS STRING)], MAP['e', 0], ROW(CAST(NULL AS STRING), 7))";
  private static final List<String> NESTED_ROWS = List.of(
      "+I[1, one, 9.99, [a, null], {k=1, n=null}, +I[Oslo, null]]",
      "+I[2, null, null, null, null, null]",
      "+I[3, , 0.00, [null], {e=0}, +I[null, 7]]");

  private final SqlSession session = new SqlSession(new Configuration());

  @BeforeEach
  void oneSubtask() {
    session.execute("SET 'parallelism.default' = '1'");
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of("json", NESTED_COLUMNS, NESTED_VALUES, NESTED_ROWS),
        Arguments.of("avro", NESTED_COLUMNS, NESTED_VALUES, NESTED_ROWS),
        Arguments.of("debezium-json", NESTED_COLUMNS, NESTED_VALUES, NESTED_ROWS),
        Arguments.of("canal-json", NESTED_COLUMNS, NESTED_VALUES, NESTED_ROWS),
        // CSV has flat rows only. NULL is written as an empty field, which a STRING column reads
        // as the empty string (as in Flink, unless 'csv.null-literal' names a NULL) and other
        // types as NULL.
        Arguments.of("csv", "id INT, name STRING, price DECIMAL(10, 2), ts TIMESTAMP(3), ok BOOLEAN",
            "(1, 'one, \"quoted\"', 9.99, TIMESTAMP '2024-01-01 10:00:00.123', TRUE),"
                + " (2, CAST(NULL AS STRING), CAST(NULL AS DECIMAL(10, 2)),"
                + " CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS BOOLEAN))",
            List.of("+I[1, one, \"quoted\", 9.99, 2024-01-01T10:00:00.123, true]",
                "+I[2, , null, null, null]")),
        // Raw is one column, the record's value as it is; NULL is a record whose value is null.
        Arguments.of("raw", "line STRING",
            "('first line'), (CAST(NULL AS STRING)), (''), ('ünïcödé, \"quoted\"')",
            List.of("+I[first line]", "+I[null]", "+I[]", "+I[ünïcödé, \"quoted\"]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void rowsWrittenThroughKafkaReadBackUnchanged(
      String format, String columns, String values, List<String> expected) {
    String topic = BROKER.newTopic("round-trip-" + format, 1);
    session.execute(
        KafkaTableDdl.kafka(BROKER, "t", columns, topic).bounded().format(format).sql());

    session.execute("INSERT INTO t VALUES " + values);

    var records = BROKER.readAll(topic, false);
    assertThat(records).hasSize(expected.size());
    if (format.equals("raw")) {
      // NULL and the empty string stay apart in the topic: no value, and a value of no bytes.
      assertThat(records).filteredOn(r -> r.value() == null).hasSize(1);
      assertThat(records).filteredOn(r -> r.value() != null && r.value().length == 0).hasSize(1);
    }
    // VALUES may write its rows in any order.
    assertThat(rows(session.execute("SELECT * FROM t"))).containsExactlyInAnyOrderElementsOf(expected);
  }
}
