package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ConnectorException;
import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * A rule that gives each partition an offset — where a scan starts or where it stops — resolved
 * against the brokers when the scan begins.
 *
 * @param kind how the offset is found
 * @param timestampMillis for {@link Kind#TIMESTAMP}: the first record at or after this time
 * @param specificOffsets for {@link Kind#SPECIFIC}: offsets by partition number
 * @param groupId the consumer group, for {@link Kind#GROUP} and partitions without a specific offset
 * @param resetToEarliest where a partition without a committed offset starts: true for the
 *     earliest, false for the latest, null to fail ({@code properties.auto.offset.reset})
 */
record PartitionOffsets(
    Kind kind,
    long timestampMillis,
    Map<Integer, Long> specificOffsets,
    String groupId,
    Boolean resetToEarliest)
    implements Serializable {

  /** How offsets are found. */
  enum Kind {
    EARLIEST,
    LATEST,
    GROUP,
    TIMESTAMP,
    SPECIFIC
  }

  PartitionOffsets {
    requireNonNull(kind, "kind");
    specificOffsets = Map.copyOf(specificOffsets);
  }

  static PartitionOffsets of(Kind kind) {
    return new PartitionOffsets(kind, 0, Map.of(), null, null);
  }

  /** The offset of every partition; called on the enumerator's thread with its consumer. */
  Map<TopicPartition, Long> resolve(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> result = new HashMap<>();
    if (partitions.isEmpty()) {
      return result;
    }
    switch (kind) {
      case EARLIEST -> result.putAll(consumer.beginningOffsets(partitions));
      case LATEST -> result.putAll(consumer.endOffsets(partitions));
      case GROUP -> result.putAll(committed(consumer, partitions));
      case TIMESTAMP -> {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, timestampMillis));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        for (TopicPartition p : partitions) {
          OffsetAndTimestamp at = found.get(p);
          // No record at or after the time: everything there is earlier.
          result.put(p, at == null ? end.get(p) : at.offset());
        }
      }
      case SPECIFIC -> {
        List<TopicPartition> others = partitions.stream()
            .filter(p -> !specificOffsets.containsKey(p.partition()))
            .toList();
        for (TopicPartition p : partitions) {
          Long offset = specificOffsets.get(p.partition());
          if (offset != null) {
            result.put(p, offset);
          }
        }
        if (!others.isEmpty()) {
          result.putAll(groupId == null ? consumer.endOffsets(others) : committed(consumer, others));
        }
      }
    }
    return result;
  }

  private Map<TopicPartition, Long> committed(
      Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    if (groupId == null) {
      throw new ConnectorException(
          "Reading the offsets of a consumer group needs 'properties.group.id'.");
    }
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(java.util.Set.copyOf(partitions));
    Map<TopicPartition, Long> result = new HashMap<>();
    List<TopicPartition> missing = new java.util.ArrayList<>();
    for (TopicPartition p : partitions) {
      OffsetAndMetadata offset = committed.get(p);
      if (offset == null) {
        missing.add(p);
      } else {
        result.put(p, offset.offset());
      }
    }
    if (!missing.isEmpty()) {
      if (resetToEarliest == null) {
        throw new ConnectorException(
            "Consumer group '" + groupId + "' has no committed offset for " + missing
                + ". Set 'properties.auto.offset.reset' to 'earliest' or 'latest', or choose"
                + " another 'scan.startup.mode'.");
      }
      result.putAll(resetToEarliest ? consumer.beginningOffsets(missing) : consumer.endOffsets(missing));
    }
    return result;
  }

  /**
   * Parses {@code partition:0,offset:42;partition:1,offset:300}.
   *
   * @throws IllegalArgumentException naming the part that does not parse
   */
  static Map<Integer, Long> parseSpecificOffsets(String text) {
    Map<Integer, Long> offsets = new HashMap<>();
    for (String entry : text.split(";")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] parts = trimmed.split(",");
      if (parts.length != 2
          || !parts[0].trim().startsWith("partition:")
          || !parts[1].trim().startsWith("offset:")) {
        throw new IllegalArgumentException(trimmed);
      }
      try {
        int partition = Integer.parseInt(parts[0].trim().substring("partition:".length()).trim());
        long offset = Long.parseLong(parts[1].trim().substring("offset:".length()).trim());
        if (partition < 0 || offset < 0) {
          throw new IllegalArgumentException(trimmed);
        }
        offsets.put(partition, offset);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(trimmed, e);
      }
    }
    if (offsets.isEmpty()) {
      throw new IllegalArgumentException(text);
    }
    return offsets;
  }
}
