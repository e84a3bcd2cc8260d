package io.strom.connector.kafka;

import io.strom.connector.kafka.KafkaConnectorOptions.SinkPartitioner;
import java.util.function.IntSupplier;

/**
 * Picks the partition of each record a sink writer sends, per {@code sink.partitioner}: none for
 * {@code default} (Kafka hashes the key, or spreads keyless records), {@code subtask mod
 * partitions} for {@code fixed}, and each partition in turn for {@code round-robin}.
 *
 * <p>Used only on the writer's thread.
 */
final class KafkaPartitionChooser {
  private final SinkPartitioner partitioner;
  private final int subtask;
  private final IntSupplier partitionCount;
  private int partitions = -1;
  private int next;

  KafkaPartitionChooser(SinkPartitioner partitioner, int subtask, IntSupplier partitionCount) {
    this.partitioner = partitioner;
    this.subtask = subtask;
    this.partitionCount = partitionCount;
  }

  /** The partition of the next record, or null to let Kafka choose. */
  Integer partitionFor() {
    if (partitioner == SinkPartitioner.DEFAULT) {
      return null;
    }
    if (partitions < 0) {
      partitions = partitionCount.getAsInt();
    }
    if (partitioner == SinkPartitioner.FIXED) {
      return subtask % partitions;
    }
    int partition = next;
    next = (next + 1) % partitions;
    return partition;
  }
}
