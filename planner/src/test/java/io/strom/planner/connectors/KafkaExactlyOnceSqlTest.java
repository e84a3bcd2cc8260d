package io.strom.planner.connectors;

import static io.strom.planner.connectors.KafkaSqlTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.ScalarFunction;
import io.strom.configuration.Configuration;
import io.strom.connector.kafka.KafkaTestBroker;
import io.strom.connector.kafka.KafkaTestBroker.TestRecord;
import io.strom.data.GenericConverter;
import io.strom.data.Row;
import io.strom.planner.session.Changelogs;
import io.strom.planner.session.SqlSession;
import io.strom.planner.session.StatementResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka to Kafka with the exactly-once sink through SQL, with checkpoints on and tasks killed
 * while the job runs: a read_committed consumer sees every expected row once, nothing of a
 * checkpoint interval before its checkpoint completes, and the source's group offsets follow
 * completed checkpoints.
 *
 * <p>Tasks are killed by a function that fails the first time it meets a negative id. Each round
 * writes such a poison row ahead of its other rows once the previous rounds are committed, so a
 * kill never falls between a completed checkpoint and its commit (a case the connector cannot
 * recover, see docs/connectors/kafka.md) while the round's rows are in flight.
 */
class KafkaExactlyOnceSqlTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
  private static final int ROUNDS = 3;
  private static final int ROWS_PER_PARTITION = 100;

  @TempDir Path checkpoints;
  private final SqlSession session = new SqlSession(new Configuration());

  /** Passes every row but fails its task the first time it sees each negative id. */
  public static final class FailOnPoison extends ScalarFunction {
    static final Set<Long> FIRED = ConcurrentHashMap.newKeySet();

    public boolean eval(Long id) {
      if (id == null || id >= 0) {
        return true;
      }
      if (FIRED.add(id)) {
        throw new IllegalStateException("injected failure at poison row " + id);
      }
      return false;
    }
  }

  @BeforeEach
  void configure() {
    FailOnPoison.FIRED.clear();
    session.execute("SET 'parallelism.default' = '2'");
    session.execute("SET 'execution.checkpointing.dir' = '" + checkpoints + "'");
    session.execute("SET 'restart-strategy.type' = 'fixed-delay'");
    session.execute("SET 'restart-strategy.fixed-delay.attempts' = '20'");
    session.execute("SET 'restart-strategy.fixed-delay.delay' = '50 ms'");
    session.execute("CREATE FUNCTION pass AS '" + FailOnPoison.class.getName() + "'");
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private String table(String name, String columns, String topic, String options) {
    return KafkaTableDdl.kafka(BROKER, name, columns, topic).fromEarliest().with(options).sql();
  }

  private static String exactlyOnce(String topic) {
    return "'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'eo-"
        + topic + "'";
  }

  /** Writes round {@code round}: per partition a poison row, then rows of ids and keys. */
  private static void produceRound(String topic, int round) {
    List<TestRecord> records = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      records.add(TestRecord.of(p, "{\"k\": \"poison\", \"id\": " + -(round * 10 + p + 1) + "}"));
      for (int i = 0; i < ROWS_PER_PARTITION; i++) {
        long id = round * 1000L + p * 500L + i;
        records.add(TestRecord.of(p, "{\"k\": \"k" + (id % 7) + "\", \"id\": " + id + "}"));
      }
    }
    BROKER.produce(topic, records);
  }

  private static List<Long> idsOfRounds(int rounds) {
    List<Long> ids = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      for (int p = 0; p < 2; p++) {
        for (int i = 0; i < ROWS_PER_PARTITION; i++) {
          ids.add(round * 1000L + p * 500L + i);
        }
      }
    }
    return ids;
  }

  private static String jobId(StatementResult result) {
    return result.rows().get(0).getString(0).toString();
  }

  private static Map<TopicPartition, OffsetAndMetadata> groupOffsets(String group) {
    try {
      return BROKER.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
          .get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not read the offsets of group " + group, e);
    }
  }

  private static long committedEnd(String topic, int partitions) {
    try (KafkaConsumer<byte[], byte[]> consumer = BROKER.consumer(true)) {
      List<TopicPartition> all = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        all.add(new TopicPartition(topic, p));
      }
      // For read_committed the end is the last stable offset: open transactions lie beyond it.
      return consumer.endOffsets(all).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  @Test
  void filterWritesEveryRowOnceThoughTasksAreKilled() throws Exception {
    String in = BROKER.newTopic("eo-filter-in", 2);
    String out = BROKER.newTopic("eo-filter-out", 2);
    String group = "eo-group-" + in;
    session.execute("SET 'execution.checkpointing.interval' = '200 ms'");
    session.execute(table("src", "k STRING, id BIGINT", in,
        "'format' = 'json', 'properties.group.id' = '" + group + "'"));
    session.execute(table("dst", "id BIGINT", out, "'format' = 'json', " + exactlyOnce(out)));
    String job = jobId(session.execute("INSERT INTO dst SELECT id FROM src WHERE pass(id)"));

    for (int round = 1; round <= ROUNDS; round++) {
      produceRound(in, round);
      int expected = round * 2 * ROWS_PER_PARTITION;
      await("round's rows are committed", () -> BROKER.readAll(out, true).size() >= expected);
    }

    List<Long> written = BROKER.readValues(out, true).stream()
        .map(v -> Long.parseLong(v.replaceAll("[^0-9]", "")))
        .toList();
    assertThat(written).containsExactlyInAnyOrderElementsOf(idsOfRounds(ROUNDS));
    assertThat(FailOnPoison.FIRED).hasSize(2 * ROUNDS);
    // Offsets reach the group once the checkpoint holding them completes.
    long inputPerPartition = ROUNDS * (ROWS_PER_PARTITION + 1L);
    await("group offsets reach the end of the input", () -> groupOffsets(group).values().stream()
        .allMatch(o -> o.offset() == inputPerPartition) && groupOffsets(group).size() == 2);
    session.execute("STOP JOB '" + job + "'");
  }

  @Test
  void aggregationChangelogIsCommittedExactlyOnceThoughTasksAreKilled() throws Exception {
    String in = BROKER.newTopic("eo-agg-in", 2);
    String out = BROKER.newTopic("eo-agg-out", 1);
    session.execute("SET 'execution.checkpointing.interval' = '200 ms'");
    session.execute(table("src", "k STRING, id BIGINT", in, "'format' = 'json'"));
    session.execute(table("counts", "k STRING, n BIGINT", out,
        "'format' = 'debezium-json', " + exactlyOnce(out)));
    session.execute(table("committed_counts", "k STRING, n BIGINT", out,
        "'format' = 'debezium-json', 'scan.bounded.mode' = 'latest-offset',"
            + " 'properties.isolation.level' = 'read_committed'"));
    String job = jobId(session.execute(
        "INSERT INTO counts SELECT k, COUNT(*) FROM src WHERE pass(id) GROUP BY k"));

    for (int round = 1; round <= ROUNDS; round++) {
      produceRound(in, round);
      List<String> expected = expectedCounts(idsOfRounds(round));
      // A duplicated or lost change would keep the committed table from ever matching.
      await("the committed changelog gives the counts of round " + round,
          () -> expected.equals(committedCounts()));
    }
    assertThat(FailOnPoison.FIRED).hasSize(2 * ROUNDS);
    session.execute("STOP JOB '" + job + "'");
  }

  private List<String> committedCounts() {
    StatementResult result = session.execute("SELECT * FROM committed_counts");
    List<String> rows = new ArrayList<>();
    for (Row row : Changelogs.materialize(result.rows(), result.schema())) {
      rows.add(GenericConverter.format(row, result.schema()));
    }
    rows.sort(null);
    return rows;
  }

  private static List<String> expectedCounts(List<Long> ids) {
    return ids.stream()
        .collect(Collectors.groupingBy(id -> "k" + (id % 7), Collectors.counting()))
        .entrySet().stream()
        .map(e -> "+I[" + e.getKey() + ", " + e.getValue() + "]")
        .sorted()
        .toList();
  }

  private static String event(int second) {
    return String.format("{\"ts\": \"2024-01-01 00:00:%02d\"}", second);
  }

  private static String window(int start, int count) {
    return String.format("{\"window_start\":\"2024-01-01 00:00:%02d\",\"window_end\":"
        + "\"2024-01-01 00:00:%02d\",\"cnt\":%d}", start, start + 10, count);
  }

  /**
   * At parallelism 2 over a topic of one partition, one reader has no partition. It stays running
   * and idle: checkpoints complete, so the exactly-once sink commits while the job runs, and the
   * watermark is not held back by it, so the window fires.
   */
  @Test
  void readerWithoutPartitionIsIdleWhileTheSinkCommits() throws Exception {
    String in = BROKER.newTopic("eo-one-partition-in", 1);
    String out = BROKER.newTopic("eo-one-partition-out", 1);
    String group = "eo-group-" + in;
    session.execute("SET 'execution.checkpointing.interval' = '100 ms'");
    session.execute(table("events", "ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND",
        in, "'format' = 'json', 'properties.group.id' = '" + group + "'"));
    session.execute(table("counts", "window_start TIMESTAMP(3), window_end TIMESTAMP(3), cnt BIGINT",
        out, "'format' = 'json', " + exactlyOnce(out)));
    String job = jobId(session.execute("INSERT INTO counts SELECT window_start, window_end,"
        + " COUNT(*) FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
        + " GROUP BY window_start, window_end"));

    BROKER.produce(in, List.of(
        TestRecord.of(0, event(1)), TestRecord.of(0, event(3)), TestRecord.of(0, event(12))));
    await("the first window is committed", () -> !BROKER.readValues(out, true).isEmpty());
    assertThat(BROKER.readValues(out, true)).containsExactly(window(0, 2));

    session.execute("STOP JOB '" + job + "'");
  }

  @Test
  void readCommittedSeesNothingOfAnIntervalBeforeItsCheckpointCompletes() throws Exception {
    String in = BROKER.newTopic("eo-open-in", 2);
    String out = BROKER.newTopic("eo-open-out", 2);
    String group = "eo-group-" + in;
    // No checkpoint completes while the test runs.
    session.execute("SET 'execution.checkpointing.interval' = '1 h'");
    session.execute(table("src", "k STRING, id BIGINT", in,
        "'format' = 'json', 'properties.group.id' = '" + group + "'"));
    session.execute(table("dst", "id BIGINT", out, "'format' = 'json', " + exactlyOnce(out)));
    String job = jobId(session.execute("INSERT INTO dst SELECT id FROM src"));

    BROKER.produceValues(in, 0, "{\"id\": 1}", "{\"id\": 2}", "{\"id\": 3}");
    await("the rows are written inside the open transaction",
        () -> BROKER.readAll(out, false).size() == 3);

    assertThat(committedEnd(out, 2)).isZero();
    assertThat(groupOffsets(group)).isEmpty();
    session.execute("STOP JOB '" + job + "'");
  }
}
