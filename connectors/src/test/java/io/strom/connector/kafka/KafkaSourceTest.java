package io.strom.connector.kafka;

import static io.strom.types.DataTypes.BIGINT;
import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.INT;
import static io.strom.types.DataTypes.ROW;
import static io.strom.types.DataTypes.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.connector.ConnectorException;
import io.strom.connector.ConnectorTesting;
import io.strom.connector.ScanTableSource;
import io.strom.connector.SupportsProjectionPushDown;
import io.strom.connector.SupportsReadingMetadata;
import io.strom.connector.kafka.KafkaTestBroker.TestRecord;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kafka source against a real broker: topics, startup and bounded modes, formats, metadata. */
class KafkaSourceTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
  private static final RowType ORDER = ROW(FIELD("id", BIGINT()), FIELD("item", STRING()));

  /** A bounded read of the whole topic, then {@code more} options as key-value pairs. */
  private static Map<String, String> options(String topic, String... more) {
    String[] bounded =
        {"scan.startup.mode", "earliest-offset", "scan.bounded.mode", "latest-offset"};
    return BROKER.tableOptions(
        topic, Stream.concat(Stream.of(bounded), Stream.of(more)).toArray(String[]::new));
  }

  private static String order(long id, String item) {
    return "{\"id\": " + id + ", \"item\": \"" + item + "\"}";
  }

  /** Writes orders 0..n-1 round robin over the partitions; returns their printed rows. */
  private static List<String> writeOrders(String topic, int partitions, int n) {
    List<TestRecord> records = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(TestRecord.of(i % partitions, order(i, "item" + i)));
      expected.add("+I[" + i + ", item" + i + "]");
    }
    BROKER.produce(topic, records);
    return expected;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void readsEveryPartitionExactlyOnceAtAnyParallelism(int parallelism) throws Exception {
    String topic = BROKER.newTopic("orders", 3);
    List<String> expected = writeOrders(topic, 3, 300);

    List<String> rows = ConnectorTesting.scan(ConnectorTesting.source(ORDER, options(topic)), parallelism);

    assertThat(rows).hasSize(300).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void readsSeveralTopicsAndTopicPatterns() throws Exception {
    String a = BROKER.newTopic("multi-a", 1);
    String b = BROKER.newTopic("multi-b", 2);
    BROKER.produceValues(a, 0, order(1, "a"));
    BROKER.produceValues(b, 1, order(2, "b"));
    String unrelated = BROKER.newTopic("other", 1);
    BROKER.produceValues(unrelated, 0, order(3, "c"));

    assertThat(ConnectorTesting.scan(ConnectorTesting.source(ORDER, options(a + ";" + b)), 2))
        .containsExactlyInAnyOrder("+I[1, a]", "+I[2, b]");

    Map<String, String> byPattern = options(a);
    byPattern.remove("topic");
    byPattern.put("topic-pattern", "multi-[ab]-(" + a.substring(8) + "|" + b.substring(8) + ")");
    assertThat(ConnectorTesting.scan(ConnectorTesting.source(ORDER, byPattern), 1))
        .containsExactlyInAnyOrder("+I[1, a]", "+I[2, b]");
  }

  @Test
  void startsAtTimestampOrSpecificOffsetsAndStopsThere() throws Exception {
    String topic = BROKER.newTopic("modes", 2);
    List<TestRecord> records = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      records.add(TestRecord.at(i % 2, 1_000L * (i + 1), order(i, "x" + i)));
    }
    BROKER.produce(topic, records);
    // partition 0 holds 0, 2, 4 (offsets 0..2, times 1000, 3000, 5000); partition 1 holds 1, 3, 5.

    assertThat(scan(options(topic, "scan.startup.mode", "timestamp",
            "scan.startup.timestamp-millis", "3000")))
        .containsExactlyInAnyOrder("+I[2, x2]", "+I[3, x3]", "+I[4, x4]", "+I[5, x5]");
    assertThat(scan(options(topic, "scan.startup.mode", "specific-offsets",
            "scan.startup.specific-offsets", "partition:0,offset:2;partition:1,offset:1")))
        .containsExactlyInAnyOrder("+I[4, x4]", "+I[3, x3]", "+I[5, x5]");
    assertThat(scan(options(topic, "scan.bounded.mode", "timestamp",
            "scan.bounded.timestamp-millis", "3000")))
        .containsExactlyInAnyOrder("+I[0, x0]", "+I[1, x1]");
    assertThat(scan(options(topic, "scan.bounded.mode", "specific-offsets",
            "scan.bounded.specific-offsets", "partition:0,offset:1;partition:1,offset:0")))
        .containsExactly("+I[0, x0]");
    assertThat(scan(options(topic, "scan.startup.mode", "latest-offset"))).isEmpty();
  }

  @Test
  void startsAtTheGroupsCommittedOffsets() throws Exception {
    String topic = BROKER.newTopic("group", 1);
    BROKER.produceValues(topic, 0, order(1, "a"), order(2, "b"), order(3, "c"));
    String group = "g-" + topic;
    try (var consumer = KafkaClients.consumer(
        Map.of("bootstrap.servers", BROKER.bootstrapServers(), "group.id", group), "test")) {
      consumer.commitSync(Map.of(new org.apache.kafka.common.TopicPartition(topic, 0),
          new org.apache.kafka.clients.consumer.OffsetAndMetadata(2)));
    }
    assertThat(scan(options(topic, "scan.startup.mode", "group-offsets",
            "properties.group.id", group)))
        .containsExactly("+I[3, c]");

    assertThatThrownBy(() -> scan(options(topic, "scan.startup.mode", "group-offsets",
            "properties.group.id", group + "-new")))
        .satisfies(e -> assertThat(ConnectorTesting.rootCause(e))
            .hasMessageContaining("has no committed offset")
            .hasMessageContaining("properties.auto.offset.reset"));
    assertThat(scan(options(topic, "scan.startup.mode", "group-offsets",
            "properties.group.id", group + "-new", "properties.auto.offset.reset", "earliest")))
        .hasSize(3);
  }

  @Test
  void readsCsvValues() throws Exception {
    String topic = BROKER.newTopic("csv", 1);
    BROKER.produceValues(topic, 0, "1,apple", "2,\"pear, green\"");
    assertThat(scan(options(topic, "format", "csv")))
        .containsExactly("+I[1, apple]", "+I[2, pear, green]");
  }

  @Test
  void decodesKeyColumnsWithTheirOwnFormatAndPrefix() throws Exception {
    String topic = BROKER.newTopic("keyed", 2);
    BROKER.produce(topic, List.of(
        TestRecord.of(0, "{\"id\": 7}", "{\"id\": 70, \"item\": \"apple\"}"),
        TestRecord.of(1, null, "{\"id\": 80, \"item\": \"pear\"}")));
    RowType type = ROW(FIELD("k_id", BIGINT()), FIELD("id", BIGINT()), FIELD("item", STRING()));

    Map<String, String> options = options(topic,
        "key.format", "json", "key.fields", "k_id", "key.fields-prefix", "k_",
        "value.fields-include", "EXCEPT_KEY", "value.format", "json");
    options.remove("format");
    ScanTableSource source = ConnectorTesting.source(type, options);
    // The record without key gives no row: json cannot read an absent key (as in Flink).
    assertThat(ConnectorTesting.scan(source, 1)).containsExactly("+I[7, 70, apple]");

    // Projection: only the key column and the item, in the query's order.
    ((SupportsProjectionPushDown) source).applyProjection(new int[] {2, 0});
    assertThat(ConnectorTesting.scan(source, 1)).containsExactly("+I[apple, 7]");
  }

  @Test
  void recordWithoutKeyGivesNullKeyColumnsWithARawKey() throws Exception {
    String topic = BROKER.newTopic("raw-keyed", 1);
    BROKER.produce(topic, List.of(
        TestRecord.of(0, "seven", "{\"id\": 70, \"item\": \"apple\"}"),
        TestRecord.of(0, null, "{\"id\": 80, \"item\": \"pear\"}")));
    RowType type = ROW(FIELD("k", STRING()), FIELD("id", BIGINT()), FIELD("item", STRING()));
    Map<String, String> options = options(topic,
        "key.format", "raw", "key.fields", "k",
        "value.fields-include", "EXCEPT_KEY", "value.format", "json");
    options.remove("format");
    assertThat(ConnectorTesting.scan(ConnectorTesting.source(type, options), 1))
        .containsExactly("+I[seven, 70, apple]", "+I[null, 80, pear]");
  }

  @Test
  void keyColumnsAlsoInTheValueWithAllFieldsInclude() throws Exception {
    String topic = BROKER.newTopic("keyed-all", 1);
    BROKER.produce(topic, List.of(TestRecord.of(0, "5", "5,apple")));
    Map<String, String> options = options(topic, "key.format", "csv", "key.fields", "id",
        "format", "csv");
    assertThat(scan(options)).containsExactly("+I[5, apple]");
  }

  @Test
  void appendsMetadataColumns() throws Exception {
    String topic = BROKER.newTopic("meta", 2);
    BROKER.produce(topic, List.of(
        new TestRecord(1, null, order(1, "a"), 1_700_000_000_123L, Map.of("source", "test"))));
    ScanTableSource source = ConnectorTesting.source(ORDER, options(topic));
    ((SupportsReadingMetadata) source).applyReadableMetadata(
        List.of("topic", "partition", "offset", "timestamp", "timestamp-type", "leader-epoch"));
    assertThat(ConnectorTesting.scan(source, 1))
        .containsExactly("+I[1, a, " + topic + ", 1, 0, 2023-11-14T22:13:20.123, CreateTime, 0]");

    ScanTableSource withHeaders = ConnectorTesting.source(ORDER, options(topic));
    ((SupportsReadingMetadata) withHeaders).applyReadableMetadata(List.of("headers"));
    assertThat(ConnectorTesting.scan(withHeaders, 1).get(0)).contains("{source=[116, 101, 115, 116]}");
  }

  @Test
  void recordWithoutValueGivesNoRowButANullWithRaw() throws Exception {
    // As in Flink, the plain kafka connector hands a tombstone to the value format: json (like
    // csv and avro) has no row for it, raw reads it as NULL; the key columns are still read.
    String topic = BROKER.newTopic("tombstones", 1);
    BROKER.produce(topic, List.of(
        TestRecord.of(0, "1", order(1, "a")),
        TestRecord.of(0, "2", null),
        TestRecord.of(0, "3", order(3, "c"))));
    assertThat(scan(options(topic))).containsExactly("+I[1, a]", "+I[3, c]");

    RowType keyAndRaw = ROW(FIELD("k", STRING()), FIELD("v", STRING()));
    Map<String, String> raw = options(topic, "key.format", "raw", "key.fields", "k",
        "value.format", "raw", "value.fields-include", "EXCEPT_KEY");
    raw.remove("format");
    assertThat(ConnectorTesting.scan(ConnectorTesting.source(keyAndRaw, raw), 1)).containsExactly(
        "+I[1, " + order(1, "a") + "]", "+I[2, null]", "+I[3, " + order(3, "c") + "]");
  }

  @Test
  void malformedRecordFailsNamingTopicPartitionAndOffset() throws Exception {
    String topic = BROKER.newTopic("bad", 2);
    BROKER.produceValues(topic, 1, order(1, "a"), "{\"id\": \"one\", \"item\": \"b\"}", order(3, "c"));

    assertThatThrownBy(() -> scan(options(topic)))
        .satisfies(e -> assertThat(ConnectorTesting.rootCause(e))
            .isInstanceOf(ConnectorException.class)
            .hasMessageContaining("offset 1 of partition 1 of topic '" + topic + "'")
            .hasMessageContaining("id")
            .hasMessageContaining("'json.ignore-parse-errors'"));
  }

  @Test
  void malformedRecordsAreSkippedAndCountedWhenIgnored() throws Exception {
    String topic = BROKER.newTopic("bad-ignored", 1);
    BROKER.produceValues(topic, 0, "1,a", "two,b", "3,c", "oops");
    var env = io.strom.datastream.StreamExecutionEnvironment.createLocalEnvironment(1);
    ScanTableSource source =
        ConnectorTesting.source(ORDER, options(topic, "format", "csv", "csv.ignore-parse-errors", "true"));
    io.strom.datastream.sink.CollectSink<io.strom.data.Row> rows = new io.strom.datastream.sink.CollectSink<>();
    env.fromSource(source.createRuntimeSource(),
            io.strom.api.eventtime.WatermarkStrategy.noWatermarks(), "scan")
        .sinkTo(rows);
    var result = env.execute("skip");
    assertThat(rows.results()).hasSize(2);
    assertThat(result.metrics())
        .hasEntrySatisfying("Source: scan -> Sink[0]." + io.strom.connector.DecoderContext.DROPPED_RECORDS_METRIC,
            count -> assertThat(count).isEqualTo(2L));
    rows.discard();
  }

  private static List<String> scan(Map<String, String> options) throws Exception {
    return ConnectorTesting.scan(ConnectorTesting.source(ORDER, options), 1);
  }
}
