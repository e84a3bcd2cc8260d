package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * What a Kafka source reads and how, as resolved from the table's options.
 *
 * @param subscription the topics
 * @param clientProperties properties of the Kafka consumers ({@code properties.*} without prefix)
 * @param startingOffsets where each partition starts
 * @param stoppingOffsets where each partition stops, or null for an unbounded source
 * @param discoveryIntervalMillis how often an unbounded source looks for new partitions; 0 never
 * @param idleTimeout the table's {@code scan.watermark.idle-timeout}, or null when unset
 */
record KafkaSourceSettings(
    KafkaSubscription subscription,
    Map<String, String> clientProperties,
    PartitionOffsets startingOffsets,
    PartitionOffsets stoppingOffsets,
    long discoveryIntervalMillis,
    Duration idleTimeout)
    implements Serializable {

  KafkaSourceSettings {
    requireNonNull(subscription, "subscription");
    clientProperties = Map.copyOf(clientProperties);
    requireNonNull(startingOffsets, "startingOffsets");
  }

  boolean isBounded() {
    return stoppingOffsets != null;
  }

  /** Offsets are committed to the group on completed checkpoints when the table names a group. */
  boolean commitsOffsets() {
    return clientProperties.containsKey("group.id");
  }
}
