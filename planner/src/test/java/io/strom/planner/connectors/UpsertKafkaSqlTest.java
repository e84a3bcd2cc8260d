package io.strom.planner.connectors;

import static io.strom.planner.connectors.KafkaSqlTesting.rows;
import static io.strom.planner.connectors.KafkaSqlTesting.materialized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.connector.kafka.KafkaTestBroker;
import io.strom.connector.kafka.KafkaTestBroker.TestRecord;
import io.strom.planner.session.SqlSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQL over the upsert-kafka connector through the real planner and a real broker. */
class UpsertKafkaSqlTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
  private final SqlSession session = new SqlSession(new Configuration());

  @BeforeEach
  void oneSubtask() {
    // One subtask per operator, so that changelogs come in a deterministic order.
    session.execute("SET 'parallelism.default' = '1'");
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private String upsertTable(String name, String columns, String topic, String extraOptions) {
    return KafkaTableDdl.upsertKafka(BROKER, name, columns, topic)
        .with("scan.bounded.mode", "latest-offset").with("key.format", "csv")
        .with("value.format", "json").with(extraOptions).sql();
  }

  @Test
  void readsUpsertsAndTombstonesAsAFullChangelog() {
    String topic = BROKER.newTopic("upsert-read", 1);
    BROKER.produce(topic, List.of(
        TestRecord.of(0, "a", "{\"k\": \"a\", \"v\": 1}"),
        TestRecord.of(0, "b", "{\"k\": \"b\", \"v\": 2}"),
        TestRecord.of(0, "a", "{\"k\": \"a\", \"v\": 3}"),
        TestRecord.of(0, "b", null),
        TestRecord.of(0, "a", "{\"k\": \"a\", \"v\": 3}"),
        TestRecord.of(0, "c", null)));
    session.execute(upsertTable("t", "k STRING, v INT, PRIMARY KEY (k) NOT ENFORCED", topic, ""));

    // A repeated row and a tombstone of an unknown key change nothing.
    assertThat(rows(session.execute("SELECT * FROM t")))
        .containsExactly("+I[a, 1]", "+I[b, 2]", "-U[a, 1]", "+U[a, 3]", "-D[b, 2]");
    assertThat(rows(session.execute("SELECT v FROM t WHERE k = 'a'")))
        .containsExactly("+I[1]", "-U[1]", "+U[3]");
  }

  @Test
  void keyColumnsComeFromTheKeyWhenTheValueExcludesThem() {
    String topic = BROKER.newTopic("upsert-except-key", 1);
    BROKER.produce(topic, List.of(
        TestRecord.of(0, "a", "{\"v\": 1}"),
        TestRecord.of(0, "a", "{\"v\": 2}"),
        TestRecord.of(0, "a", null)));
    session.execute(upsertTable("t", "k STRING, v INT, PRIMARY KEY (k) NOT ENFORCED", topic,
        ", 'value.fields-include' = 'EXCEPT_KEY'"));

    assertThat(rows(session.execute("SELECT * FROM t")))
        .containsExactly("+I[a, 1]", "-U[a, 1]", "+U[a, 2]", "-D[a, 2]");
  }

  @Test
  void aggregationOverAnUpsertTableWritesUpsertsAndTombstones() {
    String in = BROKER.newTopic("upsert-in", 1);
    String out = BROKER.newTopic("upsert-out", 2);
    BROKER.produce(in, List.of(
        TestRecord.of(0, "a", "{\"id\": \"a\", \"color\": \"red\"}"),
        TestRecord.of(0, "b", "{\"id\": \"b\", \"color\": \"red\"}"),
        TestRecord.of(0, "c", "{\"id\": \"c\", \"color\": \"blue\"}"),
        TestRecord.of(0, "d", "{\"id\": \"d\", \"color\": \"green\"}"),
        TestRecord.of(0, "c", null),
        TestRecord.of(0, "b", "{\"id\": \"b\", \"color\": \"blue\"}"),
        TestRecord.of(0, "d", null)));
    session.execute(upsertTable("items", "id STRING, color STRING, PRIMARY KEY (id) NOT ENFORCED", in, ""));
    session.execute(upsertTable("counts", "color STRING, n BIGINT, PRIMARY KEY (color) NOT ENFORCED", out, ""));

    session.execute("INSERT INTO counts SELECT color, COUNT(*) FROM items GROUP BY color");

    assertThat(materialized(session.execute("SELECT * FROM counts")))
        .containsExactlyInAnyOrder("+I[red, 1]", "+I[blue, 1]");
    // Per key, in order: every change as an upsert (before-images dropped), a delete as a tombstone.
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : BROKER.readAll(out, false)) {
      byKey.computeIfAbsent(KafkaTestBroker.text(record.key()), k -> new ArrayList<>())
          .add(KafkaTestBroker.text(record.value()));
    }
    assertThat(byKey).containsOnlyKeys("red", "blue", "green");
    assertThat(byKey.get("red")).containsExactly(
        "{\"color\":\"red\",\"n\":1}", "{\"color\":\"red\",\"n\":2}", "{\"color\":\"red\",\"n\":1}");
    assertThat(byKey.get("blue")).containsExactly(
        "{\"color\":\"blue\",\"n\":1}", null, "{\"color\":\"blue\",\"n\":1}");
    assertThat(byKey.get("green")).containsExactly("{\"color\":\"green\",\"n\":1}", null);
  }

  @Test
  void changesKeyedOtherwiseThanTheSinkAreMaterializedPerSinkKey() {
    String in = BROKER.newTopic("materialize-in", 1);
    String out = BROKER.newTopic("materialize-out", 1);
    BROKER.produce(in, List.of(
        TestRecord.of(0, "a", "{\"id\": \"a\", \"color\": \"red\"}"),
        TestRecord.of(0, "b", "{\"id\": \"b\", \"color\": \"red\"}"),
        TestRecord.of(0, "c", "{\"id\": \"c\", \"color\": \"blue\"}"),
        TestRecord.of(0, "b", "{\"id\": \"b\", \"color\": \"green\"}"),
        TestRecord.of(0, "c", null)));
    session.execute(upsertTable("items", "id STRING, color STRING, PRIMARY KEY (id) NOT ENFORCED", in, ""));
    // The query's rows are keyed by id, the sink's by color: several ids share a color.
    session.execute(upsertTable("latest_by_color", "color STRING, id STRING, PRIMARY KEY (color) NOT ENFORCED", out, ""));

    assertThat(rows(session.execute(
            "EXPLAIN CHANGELOG_MODE INSERT INTO latest_by_color SELECT color, id FROM items")).get(0))
        .contains("upsertMaterialize=[true]");
    session.execute("INSERT INTO latest_by_color SELECT color, id FROM items");

    // b leaving red brings a back as red's row; c's delete empties blue.
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : BROKER.readAll(out, false)) {
      byKey.computeIfAbsent(KafkaTestBroker.text(record.key()), k -> new ArrayList<>())
          .add(KafkaTestBroker.text(record.value()));
    }
    assertThat(byKey.get("red")).containsExactly(
        "{\"color\":\"red\",\"id\":\"a\"}", "{\"color\":\"red\",\"id\":\"b\"}",
        "{\"color\":\"red\",\"id\":\"a\"}");
    assertThat(byKey.get("green")).containsExactly("{\"color\":\"green\",\"id\":\"b\"}");
    assertThat(byKey.get("blue")).containsExactly("{\"color\":\"blue\",\"id\":\"c\"}", null);
    assertThat(materialized(session.execute("SELECT * FROM latest_by_color")))
        .containsExactlyInAnyOrder("+I[red, a]", "+I[green, b]");
  }

  @Test
  void bufferKeepsOnlyTheLastRowPerKey() {
    String topic = BROKER.newTopic("upsert-buffer", 1);
    session.execute(upsertTable("t", "k STRING, v INT, PRIMARY KEY (k) NOT ENFORCED", topic,
        ", 'sink.buffer-flush.max-rows' = '100', 'sink.buffer-flush.interval' = '1 h'"));

    session.execute("INSERT INTO t VALUES ('a', 1), ('b', 1), ('a', 2), ('a', 3)");

    assertThat(BROKER.readValues(topic, false))
        .containsExactly("{\"k\":\"a\",\"v\":3}", "{\"k\":\"b\",\"v\":1}");
  }

  @Test
  void upsertTableWithoutPrimaryKeyIsAnError() {
    session.execute(upsertTable("nokey", "k STRING, v INT", "whatever", ""));
    assertThatThrownBy(() -> session.execute("SELECT * FROM nokey"))
        .hasMessageContaining("needs a primary key")
        .hasMessageContaining("PRIMARY KEY (...) NOT ENFORCED");
  }

  @Test
  void changeFormatCannotCarryUpserts() {
    session.execute(KafkaTableDdl.upsertKafka(
            BROKER, "cdc", "k STRING, v INT, PRIMARY KEY (k) NOT ENFORCED", "whatever")
        .with("key.format", "csv").with("value.format", "debezium-json").sql());
    assertThatThrownBy(() -> session.execute("SELECT * FROM cdc"))
        .hasMessageContaining("Format 'debezium-json' encodes changes [I,UB,UA,D] and cannot be the"
            + " value format of an upsert-kafka table");
  }

  @Test
  void bufferOptionsGoTogether() {
    session.execute(upsertTable("t", "k STRING, v INT, PRIMARY KEY (k) NOT ENFORCED", "whatever",
        ", 'sink.buffer-flush.max-rows' = '10'"));
    assertThatThrownBy(() -> session.execute("INSERT INTO t VALUES ('a', 1)"))
        .hasMessageContaining("'sink.buffer-flush.interval'");
  }
}
