package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.connector.kafka.KafkaConnectorOptions.DeliveryGuarantee;
import io.strom.connector.kafka.KafkaConnectorOptions.SinkPartitioner;
import java.io.Serializable;
import java.util.Map;

/**
 * How a Kafka sink writes, as resolved from the table's options.
 *
 * @param topic the topic written
 * @param clientProperties properties of the producers ({@code properties.*} without prefix)
 * @param guarantee what the sink promises
 * @param partitioner how records find their partition
 * @param transactionalIdPrefix for exactly-once: the prefix of the transactional ids
 * @param buffer how rows are buffered by key before sending (upsert-kafka); {@link
 *     UpsertBufferSettings#NONE} sends each row at once
 */
record KafkaSinkSettings(
    String topic,
    Map<String, String> clientProperties,
    DeliveryGuarantee guarantee,
    SinkPartitioner partitioner,
    String transactionalIdPrefix,
    UpsertBufferSettings buffer)
    implements Serializable {

  /**
   * Buffering of an upsert sink: up to {@code maxRows} rows, the last per key, for at most {@code
   * intervalMillis}; off when either is 0.
   */
  record UpsertBufferSettings(int maxRows, long intervalMillis) implements Serializable {
    static final UpsertBufferSettings NONE = new UpsertBufferSettings(0, 0);

    boolean enabled() {
      return maxRows > 0 && intervalMillis > 0;
    }
  }

  KafkaSinkSettings {
    requireNonNull(topic, "topic");
    clientProperties = Map.copyOf(clientProperties);
    requireNonNull(guarantee, "guarantee");
    requireNonNull(partitioner, "partitioner");
    requireNonNull(buffer, "buffer");
  }
}
