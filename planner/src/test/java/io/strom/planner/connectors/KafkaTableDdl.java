package io.strom.planner.connectors;

import io.strom.connector.kafka.KafkaTestBroker;
import java.util.ArrayList;
import java.util.List;

/**
 * Builder of the CREATE TABLE statement of a kafka or upsert-kafka table on a test broker. It
 * writes what every such table shares (connector, topic, bootstrap servers), so that a test states
 * only the options that matter to it.
 */
final class KafkaTableDdl {
  private final String name;
  private final String columns;
  private final List<String> options = new ArrayList<>();

  private KafkaTableDdl(String connector, String name, String columns, KafkaTestBroker broker) {
    this.name = name;
    this.columns = columns;
    with("connector", connector);
    with("properties.bootstrap.servers", broker.bootstrapServers());
  }

  /** A kafka table reading or writing {@code topic}. */
  static KafkaTableDdl kafka(KafkaTestBroker broker, String name, String columns, String topic) {
    return new KafkaTableDdl("kafka", name, columns, broker).with("topic", topic);
  }

  /** A kafka table reading every topic whose name matches {@code pattern}. */
  static KafkaTableDdl kafkaPattern(
      KafkaTestBroker broker, String name, String columns, String pattern) {
    return new KafkaTableDdl("kafka", name, columns, broker).with("topic-pattern", pattern);
  }

  /** An upsert-kafka table on {@code topic}; {@code columns} declare its primary key. */
  static KafkaTableDdl upsertKafka(
      KafkaTestBroker broker, String name, String columns, String topic) {
    return new KafkaTableDdl("upsert-kafka", name, columns, broker).with("topic", topic);
  }

  KafkaTableDdl with(String key, String value) {
    options.add("'" + key + "' = '" + value + "'");
    return this;
  }

  /**
   * Adds options written as in a WITH clause, e.g. {@code 'a' = '1', 'b' = '2'} (a leading comma
   * is dropped); blank adds none.
   */
  KafkaTableDdl with(String optionsSql) {
    String trimmed = optionsSql.strip();
    if (trimmed.startsWith(",")) {
      trimmed = trimmed.substring(1).strip();
    }
    if (!trimmed.isEmpty()) {
      options.add(trimmed);
    }
    return this;
  }

  KafkaTableDdl format(String format) {
    return with("format", format);
  }

  /** Reads from the earliest offset of each partition. */
  KafkaTableDdl fromEarliest() {
    return with("scan.startup.mode", "earliest-offset");
  }

  /** Reads from the earliest offset up to the end the topic had when the query started. */
  KafkaTableDdl bounded() {
    return fromEarliest().with("scan.bounded.mode", "latest-offset");
  }

  String sql() {
    return "CREATE TABLE " + name + " (" + columns + ") WITH (" + String.join(", ", options) + ")";
  }

  @Override
  public String toString() {
    return sql();
  }
}
