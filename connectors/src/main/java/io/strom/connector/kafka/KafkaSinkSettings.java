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
 */
record KafkaSinkSettings(
    String topic,
    Map<String, String> clientProperties,
    DeliveryGuarantee guarantee,
    SinkPartitioner partitioner,
    String transactionalIdPrefix)
    implements Serializable {

  KafkaSinkSettings {
    requireNonNull(topic, "topic");
    clientProperties = Map.copyOf(clientProperties);
    requireNonNull(guarantee, "guarantee");
    requireNonNull(partitioner, "partitioner");
  }
}
