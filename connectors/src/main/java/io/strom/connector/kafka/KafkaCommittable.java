package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * A prepared Kafka transaction of an exactly-once sink, to commit when its checkpoint completes.
 *
 * @param transactionalId the transactional id of the producer that holds it
 */
public record KafkaCommittable(String transactionalId) implements Serializable {
  public KafkaCommittable {
    requireNonNull(transactionalId, "transactionalId");
  }
}
