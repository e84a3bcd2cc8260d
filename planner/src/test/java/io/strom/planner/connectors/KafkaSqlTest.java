package io.strom.planner.connectors;

import static io.strom.planner.connectors.KafkaSqlTesting.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.connector.kafka.KafkaTestBroker;
import io.strom.connector.kafka.KafkaTestBroker.TestRecord;
import io.strom.planner.session.SqlSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SQL over the kafka connector through the real planner and a real broker. */
class KafkaSqlTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
  private final SqlSession session = new SqlSession(new Configuration());

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private String kafkaTable(String name, String columns, String topic, String extraOptions) {
    return KafkaTableDdl.kafka(BROKER, name, columns, topic).bounded().with(extraOptions).sql();
  }

  @Test
  void selectsWithFiltersKeysAndMetadataColumns() throws Exception {
    String topic = BROKER.newTopic("sql-orders", 2);
    BROKER.produce(topic, List.of(
        TestRecord.of(0, "a", "{\"id\": 1, \"price\": 2.50}"),
        TestRecord.of(1, "b", "{\"id\": 2, \"price\": 12.00}"),
        TestRecord.of(1, "c", "{\"id\": 3, \"price\": 7.25}")));
    session.execute(kafkaTable("orders",
        "k STRING, id BIGINT, price DECIMAL(10, 2), `partition` INT METADATA VIRTUAL,"
            + " off BIGINT METADATA FROM 'offset' VIRTUAL",
        topic,
        ", 'key.format' = 'csv', 'key.fields' = 'k'"
            + ", 'value.format' = 'json', 'value.fields-include' = 'EXCEPT_KEY'"));

    assertThat(rows(session.execute("SELECT k, id, price, `partition`, off FROM orders WHERE price > 5")))
        .containsExactlyInAnyOrder("+I[b, 2, 12.00, 1, 0]", "+I[c, 3, 7.25, 1, 1]");
  }

  @Test
  void insertIntoKafkaAndReadBack() throws Exception {
    String topic = BROKER.newTopic("sql-out", 3);
    session.execute(kafkaTable("sink_t", "id BIGINT, name STRING", topic,
        ", 'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once',"
            + " 'sink.transactional-id-prefix' = 'sql-" + topic + "'"));
    session.execute("INSERT INTO sink_t VALUES (1, 'one'), (2, 'two'), (3, 'three')");

    assertThat(BROKER.readValues(topic, true)).containsExactlyInAnyOrder(
        "{\"id\":1,\"name\":\"one\"}", "{\"id\":2,\"name\":\"two\"}", "{\"id\":3,\"name\":\"three\"}");
    assertThat(rows(session.execute("SELECT name FROM sink_t WHERE id >= 2")))
        .containsExactlyInAnyOrder("+I[two]", "+I[three]");
  }

  @Test
  void insertWritesTimestampAndHeadersMetadataWhereverTheColumnsAre() throws Exception {
    String topic = BROKER.newTopic("sql-meta", 1);
    session.execute(kafkaTable("meta_t",
        "id BIGINT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', name STRING,"
            + " headers MAP<STRING, BYTES> METADATA, part INT METADATA FROM 'partition' VIRTUAL",
        topic, ", 'format' = 'json'"));
    session.execute("INSERT INTO meta_t VALUES"
        + " (1, TO_TIMESTAMP_LTZ(1700000000123, 3), 'one', MAP['src', CAST(X'78' AS BYTES)]),"
        + " (2, CAST(NULL AS TIMESTAMP_LTZ(3)), 'two', CAST(NULL AS MAP<STRING, BYTES>))");

    List<org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (var consumer = BROKER.consumer(false)) {
      consumer.assign(List.of(new org.apache.kafka.common.TopicPartition(topic, 0)));
      consumer.seekToBeginning(consumer.assignment());
      long deadline = System.currentTimeMillis() + 20_000;
      while (records.size() < 2 && System.currentTimeMillis() < deadline) {
        consumer.poll(java.time.Duration.ofMillis(200)).forEach(records::add);
      }
    }
    assertThat(records).hasSize(2);
    // The two rows may reach the topic in either order.
    records.sort(java.util.Comparator.comparing(
        r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)));
    var first = records.get(0);
    assertThat(new String(first.value(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":1,\"name\":\"one\"}");
    assertThat(first.timestamp()).isEqualTo(1700000000123L);
    assertThat(new String(first.headers().lastHeader("src").value(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("x");
    var second = records.get(1);
    assertThat(second.timestamp()).as("the producer's time").isGreaterThan(1700000000123L);
    assertThat(second.headers().toArray()).isEmpty();

    assertThat(rows(session.execute("SELECT id, name, ts FROM meta_t WHERE id = 1")))
        .containsExactly("+I[1, one, 2023-11-14T22:13:20.123]");

    session.execute(kafkaTable("offsets_t", "id BIGINT, off BIGINT METADATA FROM 'offset'", topic,
        ", 'format' = 'json'"));
    assertThatThrownBy(() -> session.execute("INSERT INTO offsets_t VALUES (1, 5)"))
        .hasMessageContaining("cannot write metadata 'offset'")
        .hasMessageContaining("VIRTUAL");
  }

  /**
   * {@code latest-offset} resolves each partition's end when the job starts (before the insert
   * returns): records written before are skipped, every record written after is read.
   */
  @Test
  void latestOffsetReadsOnlyRecordsWrittenAfterTheJobStarted() throws Exception {
    String in = BROKER.newTopic("sql-latest-in", 2);
    String out = BROKER.newTopic("sql-latest-out", 1);
    BROKER.produce(in, List.of(
        TestRecord.of(0, "{\"id\": 1}"), TestRecord.of(1, "{\"id\": 2}")));
    session.execute("SET 'parallelism.default' = '2'");
    session.execute(KafkaTableDdl.kafka(BROKER, "src", "id BIGINT", in)
        .with("scan.startup.mode", "latest-offset").format("json").sql());
    session.execute(kafkaTable("dst", "id BIGINT", out, ", 'format' = 'json'"));
    String job = session.execute("INSERT INTO dst SELECT id FROM src").rows().get(0)
        .getString(0).toString();

    BROKER.produce(in, List.of(TestRecord.of(0, "{\"id\": 3}"), TestRecord.of(1, "{\"id\": 4}"),
        TestRecord.of(1, "{\"id\": 5}")));
    KafkaSqlTesting.await("the new records are copied", () -> BROKER.readValues(out, false).size() >= 3);
    assertThat(BROKER.readValues(out, false))
        .containsExactlyInAnyOrder("{\"id\":3}", "{\"id\":4}", "{\"id\":5}");
    session.execute("STOP JOB '" + job + "'");
  }

  @Test
  void malformedRecordFailsTheQueryUnlessIgnored() throws Exception {
    String topic = BROKER.newTopic("sql-bad", 1);
    BROKER.produceValues(topic, 0, "{\"id\": 1}", "{\"id\": \"x\"}", "{\"id\": 3}");
    session.execute(kafkaTable("bad", "id BIGINT", topic, ", 'format' = 'json'"));

    assertThatThrownBy(() -> session.execute("SELECT * FROM bad"))
        .hasMessageContaining("offset 1 of partition 0 of topic '" + topic + "'");

    session.execute("ALTER TABLE bad SET ('json.ignore-parse-errors' = 'true')");
    assertThat(rows(session.execute("SELECT * FROM bad"))).containsExactlyInAnyOrder("+I[1]", "+I[3]");
  }

  @Test
  void missingBootstrapServersIsAnErrorNamingIt() {
    session.execute("CREATE TABLE nowhere (id BIGINT) WITH ('connector' = 'kafka',"
        + " 'topic' = 't', 'format' = 'json')");
    assertThatThrownBy(() -> session.execute("SELECT * FROM nowhere"))
        .hasMessageContaining("properties.bootstrap.servers");
  }
}
