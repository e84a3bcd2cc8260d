package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.InvalidPidMappingException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a transaction of a restored checkpoint that the failed run prepared but may not have
 * committed: a new producer with the transaction's id takes it over by its producer id and epoch
 * and commits it. Committing again what was committed before the failure is harmless: the broker
 * either confirms it or, once the id has moved on to a newer epoch, fences the old one.
 *
 * <p>Used on the sink writer's task thread.
 */
final class KafkaRecoveredCommitter {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaRecoveredCommitter.class);

  private final Function<String, KafkaProducer<byte[], byte[]>> producers;

  /** @param producers creates an uninitialized producer with the given transactional id */
  KafkaRecoveredCommitter(Function<String, KafkaProducer<byte[], byte[]>> producers) {
    this.producers = requireNonNull(producers, "producers");
  }

  void commit(KafkaCommittable committable) {
    if (!committable.isRecoverable()) {
      LOG.warn("Transaction {} of the restored checkpoint cannot be taken over (its producer id"
          + " is unknown); unless it was committed before the failure, its rows are lost",
          committable.transactionalId());
      return;
    }
    KafkaProducer<byte[], byte[]> producer = producers.apply(committable.transactionalId());
    try {
      KafkaTransactionResumer.resume(
          producer,
          new KafkaTransactionResumer.ProducerIdentity(committable.producerId(), committable.epoch()));
      producer.commitTransaction();
      LOG.info("Committed transaction {} of the restored checkpoint", committable.transactionalId());
    } catch (ProducerFencedException
        | InvalidProducerEpochException
        | InvalidPidMappingException
        | InvalidTxnStateException e) {
      // The id has moved on to a newer epoch: the transaction was committed before the failure
      // (and the id reused), or the broker aborted it after transaction.timeout.ms.
      LOG.info("Transaction {} of the restored checkpoint was finished before the restore:"
          + " committed, or aborted by the broker if the restore took longer than the"
          + " producer's transaction.timeout.ms ({})", committable.transactionalId(), e.toString());
    } finally {
      producer.close(Duration.ZERO);
    }
  }
}
