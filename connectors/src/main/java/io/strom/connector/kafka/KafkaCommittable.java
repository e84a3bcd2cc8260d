package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A prepared Kafka transaction of an exactly-once sink, to commit when its checkpoint completes.
 * The producer id and epoch let a restored job commit it when the failure came before the commit.
 *
 * @param transactionalId the transactional id of the producer that holds it
 * @param subtask the sink subtask that prepared it, whose id it is
 * @param parallelism the parallelism of the sink that prepared it; after a restore at another
 *     parallelism it tells which subtasks no longer exist
 * @param producerId the producer id of the transaction, or {@link #UNKNOWN_PRODUCER} when the
 *     Kafka client did not reveal it
 * @param epoch the producer epoch of the transaction
 */
public record KafkaCommittable(
    String transactionalId, int subtask, int parallelism, long producerId, short epoch)
    implements Serializable {
  /** The producer id of a transaction that a restored job cannot take over. */
  public static final long UNKNOWN_PRODUCER = -1;

  public KafkaCommittable {
    requireNonNull(transactionalId, "transactionalId");
    if (subtask < 0 || subtask >= parallelism) {
      throw new IllegalArgumentException(
          "Subtask " + subtask + " is not one of a parallelism of " + parallelism);
    }
  }

  /** Whether a restored job can take over and commit this transaction. */
  boolean isRecoverable() {
    return producerId >= 0;
  }
}
