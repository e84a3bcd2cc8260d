package io.strom.connector.kafka;

import io.strom.connector.ConnectorException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Creates the Kafka clients of the connector from the table's {@code properties.*} options. */
final class KafkaClients {
  private KafkaClients() {}

  /** The {@code properties.*} options with the prefix removed. */
  static Map<String, String> properties(Map<String, String> tableOptions) {
    Map<String, String> result = new HashMap<>();
    tableOptions.forEach((k, v) -> {
      if (k.startsWith(KafkaConnectorOptions.PROPERTIES_PREFIX)) {
        result.put(k.substring(KafkaConnectorOptions.PROPERTIES_PREFIX.length()), v);
      }
    });
    return result;
  }

  /**
   * A consumer of raw bytes that never commits by itself: a source commits offsets only for
   * completed checkpoints, and reads by assignment, never by group subscription.
   */
  static KafkaConsumer<byte[], byte[]> consumer(Map<String, String> properties, String clientIdSuffix) {
    Map<String, Object> config = new HashMap<>(properties);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "strom-" + clientIdSuffix);
    // The reset policy is applied by the connector itself (PartitionOffsets), not by the client.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** An admin client, for what only the cluster knows for sure, such as a topic's partitions. */
  static Admin admin(Map<String, String> properties, String clientIdSuffix) {
    Map<String, Object> config = new HashMap<>(properties);
    config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "strom-" + clientIdSuffix);
    return Admin.create(config);
  }

  /**
   * The error for a client call the brokers did not answer in time: most often they are down or
   * unreachable, which Kafka's own message does not say, nor which brokers it means.
   */
  static ConnectorException unanswered(
      Map<String, String> properties, String what, TimeoutException e) {
    return new ConnectorException(
        "Kafka brokers " + properties.get("bootstrap.servers") + " did not answer in time while "
            + what + " (" + e.getMessage() + "). Check that they are running and reachable;"
            + " 'properties.max.block.ms', 'properties.request.timeout.ms' and"
            + " 'properties.delivery.timeout.ms' set how long the clients wait.",
        e);
  }
}
