package io.strom.connector.kafka;

import static io.strom.types.DataTypes.BIGINT;
import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.ROW;
import static io.strom.types.DataTypes.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.connector.ConnectorException;
import io.strom.connector.ConnectorTesting;
import io.strom.connector.TableSink;
import io.strom.data.GenericRow;
import io.strom.data.StringData;
import io.strom.types.RowType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kafka sink against a real broker, read back with a plain consumer. */
class KafkaSinkTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
  private static final RowType ORDER = ROW(FIELD("id", BIGINT()), FIELD("item", STRING()));

  private static Map<String, String> options(String topic, String... more) {
    return BROKER.tableOptions(topic, more);
  }

  private static GenericRow order(long i) {
    GenericRow row = new GenericRow(2);
    row.setLong(0, i);
    row.setString(1, StringData.fromString("item" + i));
    return row;
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "at-least-once", "exactly-once"})
  void writesEveryRowWithEachDeliveryGuarantee(String guarantee) throws Exception {
    String topic = BROKER.newTopic("out", 3);
    TableSink sink = ConnectorTesting.sink(ORDER, options(topic,
        "sink.delivery-guarantee", guarantee, "sink.transactional-id-prefix", "tx-" + topic));
    ConnectorTesting.write(sink, KafkaSinkTest::order, 200, 2);

    List<String> values = BROKER.readValues(topic, true);
    assertThat(values).hasSize(200).contains("{\"id\":0,\"item\":\"item0\"}", "{\"id\":199,\"item\":\"item199\"}");
  }

  @Test
  void writesKeyColumnsIntoTheKeyAndHashesThemToPartitions() throws Exception {
    String topic = BROKER.newTopic("keyed-out", 4);
    TableSink sink = ConnectorTesting.sink(ORDER, options(topic,
        "key.format", "csv", "key.fields", "item", "value.fields-include", "EXCEPT_KEY"));
    ConnectorTesting.write(sink, i -> order(i % 5), 50, 2);

    List<ConsumerRecord<byte[], byte[]>> records = BROKER.readAll(topic, false);
    assertThat(records).hasSize(50);
    assertThat(KafkaTestBroker.text(records.get(0).value())).matches("\\{\"id\":\\d}");
    // Every key lands in one partition only: the default partitioner hashes the key.
    Map<String, List<Integer>> partitionsByKey = records.stream().collect(Collectors.groupingBy(
        r -> KafkaTestBroker.text(r.key()),
        Collectors.mapping(ConsumerRecord::partition, Collectors.toList())));
    assertThat(partitionsByKey).hasSize(5);
    partitionsByKey.values().forEach(ps -> assertThat(ps.stream().distinct()).hasSize(1));
  }

  @Test
  void fixedAndRoundRobinPartitioners() throws Exception {
    String fixed = BROKER.newTopic("fixed", 3);
    ConnectorTesting.write(
        ConnectorTesting.sink(ORDER, options(fixed, "sink.partitioner", "fixed")), KafkaSinkTest::order, 30, 1);
    assertThat(BROKER.readAll(fixed, false)).extracting(ConsumerRecord::partition).containsOnly(0);

    String roundRobin = BROKER.newTopic("round-robin", 3);
    ConnectorTesting.write(
        ConnectorTesting.sink(ORDER, options(roundRobin, "sink.partitioner", "round-robin")),
        KafkaSinkTest::order, 30, 1);
    Map<Integer, Long> perPartition = BROKER.readAll(roundRobin, false).stream()
        .collect(Collectors.groupingBy(ConsumerRecord::partition, Collectors.counting()));
    assertThat(perPartition).containsOnly(Map.entry(0, 10L), Map.entry(1, 10L), Map.entry(2, 10L));
  }

  @Test
  void brokersThatDoNotAnswerFailTheWriterNamingWhatItWasDoing() throws Exception {
    // Nothing listens on port 1; a short max.block.ms keeps the wait short.
    assertUnanswered(options("gone", "properties.bootstrap.servers", "127.0.0.1:1",
            "properties.max.block.ms", "300",
            "sink.delivery-guarantee", "exactly-once", "sink.transactional-id-prefix", "gone-tx"),
        "initializing the transactions of transactional id 'gone-tx-0-0'");
    // The failed writer's producer was closed too: its network thread ends.
    assertThat(eventuallyNoThreadNamed("gone-tx-0-0")).isTrue();
    assertUnanswered(options("gone", "properties.bootstrap.servers", "127.0.0.1:1",
            "properties.max.block.ms", "300", "sink.partitioner", "round-robin"),
        "fetching the partitions of topic 'gone'");
  }

  private static boolean eventuallyNoThreadNamed(String part) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.isAlive() && t.getName().contains(part))) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  private static void assertUnanswered(Map<String, String> options, String doing) {
    TableSink sink = ConnectorTesting.sink(ORDER, options);
    assertThatThrownBy(() -> ConnectorTesting.write(sink, KafkaSinkTest::order, 1, 1))
        .hasStackTraceContaining("Kafka brokers 127.0.0.1:1 did not answer in time while " + doing)
        .hasStackTraceContaining("Check that they are running and reachable");
  }

  @Test
  void exactlyOnceNeedsATransactionalIdPrefix() {
    assertThatThrownBy(() -> ConnectorTesting.sink(ORDER,
            options("t", "sink.delivery-guarantee", "exactly-once")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("sink.transactional-id-prefix");
  }
}
