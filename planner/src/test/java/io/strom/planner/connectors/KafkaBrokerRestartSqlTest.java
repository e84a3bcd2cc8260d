package io.strom.planner.connectors;

import static io.strom.planner.connectors.KafkaSqlTesting.await;
import static io.strom.planner.connectors.KafkaSqlTesting.materialized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.connector.kafka.KafkaTestBroker;
import io.strom.connector.kafka.KafkaTestBroker.TestRecord;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jobs against a broker that stops while they run: a broker back after a short outage costs no
 * row and duplicates none; one that stays away fails the job with a message naming the brokers
 * once its restarts are spent, instead of leaving it hanging.
 *
 * <p>The broker is this class's own, so stopping it never disturbs the tests on the shared one.
 */
class KafkaBrokerRestartSqlTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.startPrivate();
  /** Longer than the clients' reconnect backoff, so they see the broker gone for real. */
  private static final long OUTAGE_MILLIS = 3_000;
  private static final int ROWS_PER_PARTITION = 200;

  @TempDir Path checkpoints;
  private final SqlSession session = new SqlSession(new Configuration());

  @BeforeEach
  void configure() {
    session.execute("SET 'parallelism.default' = '2'");
    session.execute("SET 'execution.checkpointing.dir' = '" + checkpoints + "'");
    session.execute("SET 'execution.checkpointing.interval' = '200 ms'");
    session.execute("SET 'restart-strategy.type' = 'fixed-delay'");
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @AfterAll
  static void stopBroker() {
    BROKER.close();
  }

  private static String table(String name, String columns, String topic, String options) {
    return KafkaTableDdl.kafka(BROKER, name, columns, topic).with(options).sql();
  }

  /** Writes round {@code round}'s rows to both partitions; returns their ids. */
  private static List<Long> produceRound(String topic, int round) {
    List<TestRecord> records = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      for (int i = 0; i < ROWS_PER_PARTITION; i++) {
        long id = round * 1000L + p * 500L + i;
        ids.add(id);
        records.add(TestRecord.of(p, "{\"k\": \"k" + (id % 5) + "\", \"id\": " + id + "}"));
      }
    }
    BROKER.produce(topic, records);
    return ids;
  }

  private static List<String> expectedCounts(List<Long> ids) {
    return ids.stream()
        .collect(Collectors.groupingBy(id -> "k" + (id % 5), Collectors.counting()))
        .entrySet().stream()
        .map(e -> "+I[" + e.getKey() + ", " + e.getValue() + "]")
        .sorted()
        .toList();
  }

  private List<String> committedCounts() {
    List<String> rows = new ArrayList<>(materialized(session.execute("SELECT * FROM committed_counts")));
    rows.sort(null);
    return rows;
  }

  /**
   * With the clients' default timeouts they wait the outage out; with short ones the tasks fail
   * during it and restart from the last checkpoint, again and again until the broker is back.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"default client timeouts",
      "short client timeouts: 'properties.max.block.ms' = '1000',"
          + " 'properties.request.timeout.ms' = '1000', 'properties.delivery.timeout.ms' = '1500',"
          + " 'properties.default.api.timeout.ms' = '1000'"})
  void exactlyOnceAggregationLosesAndDuplicatesNothingWhenTheBrokerRestarts(String clients)
      throws Exception {
    String clientOptions = clients.contains(":") ? ", " + clients.substring(clients.indexOf(':') + 1) : "";
    String in = BROKER.newTopic("restart-in", 2);
    String out = BROKER.newTopic("restart-out", 1);
    session.execute("SET 'restart-strategy.fixed-delay.attempts' = '50'");
    session.execute("SET 'restart-strategy.fixed-delay.delay' = '200 ms'");
    session.execute(table("src", "k STRING, id BIGINT", in,
        "'scan.startup.mode' = 'earliest-offset', 'format' = 'json'" + clientOptions));
    session.execute(table("counts", "k STRING, n BIGINT", out,
        "'format' = 'debezium-json', 'sink.delivery-guarantee' = 'exactly-once',"
            + " 'sink.transactional-id-prefix' = 'restart-" + out + "'" + clientOptions));
    session.execute(table("committed_counts", "k STRING, n BIGINT", out,
        "'format' = 'debezium-json', 'scan.startup.mode' = 'earliest-offset',"
            + " 'scan.bounded.mode' = 'latest-offset', 'properties.isolation.level' = 'read_committed'"));
    StatementResult submitted =
        session.execute("INSERT INTO counts SELECT k, COUNT(*) FROM src GROUP BY k");
    String job = submitted.rows().get(0).getString(0).toString();

    List<Long> ids = new ArrayList<>(produceRound(in, 1));
    List<String> first = expectedCounts(ids);
    await("the first round is committed", () -> first.equals(committedCounts()));

    // The second round is in flight when the broker goes away: read, partly written, uncommitted.
    ids.addAll(produceRound(in, 2));
    BROKER.stop();
    TimeUnit.MILLISECONDS.sleep(OUTAGE_MILLIS);
    BROKER.start();

    ids.addAll(produceRound(in, 3));
    List<String> all = expectedCounts(ids);
    // A lost or duplicated change would keep the committed table from ever matching.
    await("every round is committed once", () -> all.equals(committedCounts()));
    session.execute("STOP JOB '" + job + "'");
  }

  @Test
  void brokerThatStaysAwayFailsTheJobOnceRestartsAreSpent() throws Exception {
    String out = BROKER.newTopic("gone-out", 1);
    session.execute("SET 'restart-strategy.fixed-delay.attempts' = '2'");
    session.execute("SET 'restart-strategy.fixed-delay.delay' = '100 ms'");
    // Short client timeouts keep the test fast; the defaults only make the failure come later.
    session.execute(table("dst", "id BIGINT", out,
        "'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once',"
            + " 'sink.transactional-id-prefix' = 'gone-" + out + "',"
            + " 'properties.max.block.ms' = '1000', 'properties.request.timeout.ms' = '1000',"
            + " 'properties.delivery.timeout.ms' = '2000'"));
    BROKER.stop();
    try {
      assertThatThrownBy(() -> session.execute("INSERT INTO dst VALUES (1), (2), (3)"))
          .hasMessageContaining("after 2 restarts")
          .hasMessageContaining("Kafka brokers " + BROKER.bootstrapServers() + " did not answer")
          .hasMessageContaining("reachable");
    } finally {
      BROKER.start();
    }
  }
}
