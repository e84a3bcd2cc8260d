package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.runtime.source.SourceSplit;
import org.apache.kafka.common.TopicPartition;

/**
 * One partition of a topic to read from {@code startingOffset} up to, not including, {@code
 * stoppingOffset}. A reader's checkpoint holds its splits with the offset it would read next as the
 * starting offset, so a restore continues exactly there.
 *
 * @param topic the topic
 * @param partition the partition
 * @param startingOffset the next offset to read
 * @param stoppingOffset the first offset not to read, or {@link #NO_STOPPING_OFFSET}
 * @param handedOut whether this only records, in the enumerator's checkpoint, a partition it
 *     already gave to a reader (whose checkpoint holds its position): a restored enumerator then
 *     knows the partition and does not discover it again; never given to a reader
 */
public record KafkaPartitionSplit(
    String topic, int partition, long startingOffset, long stoppingOffset, boolean handedOut)
    implements SourceSplit {
  /** The stopping offset of a partition that is read without end. */
  public static final long NO_STOPPING_OFFSET = Long.MAX_VALUE;

  public KafkaPartitionSplit {
    requireNonNull(topic, "topic");
    if (partition < 0 || startingOffset < 0 || stoppingOffset < 0) {
      throw new IllegalArgumentException(
          "Bad split " + topic + "-" + partition + " [" + startingOffset + ", " + stoppingOffset + ")");
    }
  }

  /** A partition to read from {@code startingOffset} up to {@code stoppingOffset}. */
  public KafkaPartitionSplit(String topic, int partition, long startingOffset, long stoppingOffset) {
    this(topic, partition, startingOffset, stoppingOffset, false);
  }

  /** The enumerator's record that partition {@code p} was given to a reader. */
  static KafkaPartitionSplit handedOut(TopicPartition p) {
    return new KafkaPartitionSplit(p.topic(), p.partition(), 0, NO_STOPPING_OFFSET, true);
  }

  @Override
  public String splitId() {
    return topic + "-" + partition;
  }

  public TopicPartition topicPartition() {
    return new TopicPartition(topic, partition);
  }

  public boolean isBounded() {
    return stoppingOffset != NO_STOPPING_OFFSET;
  }

  /** The same partition, continuing at {@code offset}. */
  public KafkaPartitionSplit withStartingOffset(long offset) {
    return new KafkaPartitionSplit(topic, partition, offset, stoppingOffset, handedOut);
  }
}
