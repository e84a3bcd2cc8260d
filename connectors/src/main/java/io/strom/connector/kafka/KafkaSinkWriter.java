package io.strom.connector.kafka;

import io.strom.connector.ConnectorException;
import io.strom.connector.kafka.KafkaConnectorOptions.DeliveryGuarantee;
import io.strom.data.Row;
import io.strom.datastream.sink.PrecommittingSinkWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one subtask's rows to the sink's topic.
 *
 * <ul>
 *   <li>none: sends and forgets until the end of input;
 *   <li>at-least-once: waits at every checkpoint until all sent records are acknowledged;
 *   <li>exactly-once: writes inside a Kafka transaction; at a checkpoint the transaction is
 *       flushed and handed over for commit, with its producer id and epoch, and the next one
 *       starts on another producer. The producers' transactional ids are {@code
 *       <prefix>-<subtask>-<slot>} for a few slots reused in turn. A restored job first commits
 *       the transactions of its checkpoint that the failure left uncommitted (taking them over
 *       with {@link KafkaTransactionResumer}), each subtask those under its own ids and under the
 *       ids of subtasks a smaller parallelism dropped ({@link KafkaRestoredTransactions}), and
 *       aborts what else the dropped subtasks left open; only then, with the first row or
 *       checkpoint, does the writer open its producers, which aborts whatever else a crashed run
 *       left open under its own ids.
 * </ul>
 *
 * <p>Used only on the task's thread; the producer's callbacks only record the first send error,
 * which fails the writer at its next call.
 */
final class KafkaSinkWriter implements PrecommittingSinkWriter<Row, KafkaCommittable> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSinkWriter.class);
  /** Transactions per subtask that can be open or awaiting commit at once. */
  static final int TRANSACTION_SLOTS = 4;

  private final KafkaSinkSettings settings;
  private final KafkaRecordEncoder encoder;
  private final KafkaPartitionChooser partitions;
  private final int subtask;
  private final int parallelism;
  private final AtomicReference<Exception> sendError = new AtomicReference<>();
  /** Rows waiting by key (upsert-kafka's {@code sink.buffer-flush.*}), or null. */
  private final UpsertBuffer buffer;
  /** Transactional producers by id; the current one is {@link #producer}. */
  private final Map<String, KafkaProducer<byte[], byte[]>> transactional = new HashMap<>();
  private KafkaProducer<byte[], byte[]> producer;
  private String currentTransactionalId;
  private int nextSlot;
  /** Whether the exactly-once producers are open; not before restored transactions are committed. */
  private boolean transactionsStarted;
  /** Whether it was logged that this writer's transactions cannot be taken over after a restore. */
  private boolean warnedUnresumable;

  KafkaSinkWriter(
      KafkaSinkSettings settings, KafkaRecordEncoder encoder, int subtask, int parallelism) {
    this.settings = settings;
    this.encoder = encoder;
    this.subtask = subtask;
    this.parallelism = parallelism;
    this.buffer = settings.buffer().enabled() ? new UpsertBuffer(settings.buffer()) : null;
    if (settings.guarantee() != DeliveryGuarantee.EXACTLY_ONCE) {
      producer = newProducer(null);
    }
    this.partitions = new KafkaPartitionChooser(settings.partitioner(), subtask,
        () -> whileBrokersAnswer("fetching the partitions of topic '" + settings.topic() + "'",
            () -> producer.partitionsFor(settings.topic()).size()));
  }

  /**
   * Opens the exactly-once producers and begins the first transaction. Deferred to the first row
   * or checkpoint, so that a restore commits its checkpoint's transactions before this aborts
   * what is open under the writer's ids.
   */
  private void startTransactions() {
    if (transactionsStarted || settings.guarantee() != DeliveryGuarantee.EXACTLY_ONCE) {
      return;
    }
    transactionsStarted = true;
    for (int slot = 0; slot < TRANSACTION_SLOTS; slot++) {
      String id = transactionalId(slot);
      KafkaProducer<byte[], byte[]> p = newProducer(id);
      // Kept before it is used, so that close() releases it even when the brokers do not answer.
      transactional.put(id, p);
      // Fences any producer of a crashed run with this id and aborts its open transaction.
      whileBrokersAnswer("initializing the transactions of transactional id '" + id + "'",
          p::initTransactions);
    }
    beginTransaction();
  }

  private String transactionalId(int slot) {
    return transactionalId(subtask, slot);
  }

  private String transactionalId(int ownerSubtask, int slot) {
    return settings.transactionalIdPrefix() + "-" + ownerSubtask + "-" + slot;
  }

  private KafkaProducer<byte[], byte[]> newProducer(String transactionalId) {
    Map<String, Object> config = new HashMap<>(settings.clientProperties());
    if (transactionalId != null) {
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    }
    if (settings.guarantee() != DeliveryGuarantee.NONE) {
      config.put(ProducerConfig.ACKS_CONFIG, "all");
    }
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private void beginTransaction() {
    currentTransactionalId = transactionalId(nextSlot);
    nextSlot = (nextSlot + 1) % TRANSACTION_SLOTS;
    producer = transactional.get(currentTransactionalId);
    if (producer == null) {
      throw new ConnectorException(
          "All " + TRANSACTION_SLOTS + " transactions of Kafka sink subtask " + subtask
              + " await their checkpoint's completion; checkpoints complete too slowly.");
    }
    producer.beginTransaction();
  }

  @Override
  public void write(Row row, long timestamp) throws Exception {
    startTransactions();
    checkSendError();
    if (encoder.skips(row)) {
      return;
    }
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            settings.topic(),
            partitions.partitionFor(),
            encoder.timestamp(row),
            encoder.key(row),
            encoder.value(row),
            encoder.headers(row));
    if (buffer == null) {
      send(record);
    } else if (buffer.add(record, System.currentTimeMillis())) {
      sendBuffered();
    }
  }

  private void send(ProducerRecord<byte[], byte[]> record) {
    whileBrokersAnswer("sending a record to topic '" + settings.topic() + "'",
        () -> producer.send(record, (metadata, error) -> {
          if (error != null) {
            sendError.compareAndSet(null, error);
          }
        }));
  }

  private void sendBuffered() {
    if (buffer != null) {
      buffer.drain().forEach(this::send);
    }
  }

  @Override
  public List<KafkaCommittable> prepareCommit(long checkpointId) throws Exception {
    startTransactions();
    sendBuffered();
    switch (settings.guarantee()) {
      case NONE -> {
        return List.of();
      }
      case AT_LEAST_ONCE -> {
        flushProducer(checkpointPhrase(checkpointId));
        checkSendError();
        return List.of();
      }
      default -> {
        flushProducer(checkpointPhrase(checkpointId));
        checkSendError();
        KafkaCommittable prepared = committableOf(currentTransactionalId, producer);
        // Until it is committed, the prepared transaction's producer is out of rotation.
        transactional.put(currentTransactionalId, null);
        preparedProducers.put(currentTransactionalId, producer);
        if (checkpointId != Long.MAX_VALUE) {
          beginTransaction();
        } else {
          producer = null;
        }
        return List.of(prepared);
      }
    }
  }

  /** Producers holding prepared transactions, by transactional id. */
  private final Map<String, KafkaProducer<byte[], byte[]>> preparedProducers = new HashMap<>();

  private KafkaCommittable committableOf(String transactionalId, KafkaProducer<?, ?> holder) {
    String reason;
    try {
      var identity = KafkaTransactionResumer.identity(holder);
      if (identity.isPresent()) {
        return new KafkaCommittable(transactionalId, subtask, parallelism,
            identity.get().producerId(), identity.get().epoch());
      }
      reason = "the Kafka brokers run transactions of version 1 (transaction.version), which do"
          + " not tell a transaction from the next one of its id";
    } catch (KafkaTransactionResumer.TransactionResumeException e) {
      reason = e.getMessage();
    }
    if (!warnedUnresumable) {
      warnedUnresumable = true;
      LOG.warn("A job restored after a failure between a checkpoint's completion and its commit"
          + " will lose that checkpoint's transactions: {}", reason);
    }
    return new KafkaCommittable(
        transactionalId, subtask, parallelism, KafkaCommittable.UNKNOWN_PRODUCER, (short) 0);
  }

  /**
   * Commits prepared transactions. A transaction this writer does not hold comes from the
   * checkpoint a job was restored from: it is taken over by its producer id and epoch and
   * committed, unless it was committed before the failure.
   */
  void commit(List<KafkaCommittable> committables) {
    for (KafkaCommittable committable : committables) {
      KafkaProducer<byte[], byte[]> p = preparedProducers.remove(committable.transactionalId());
      if (p == null) {
        commitRecovered(recoveredCommitter(), committable);
        continue;
      }
      whileBrokersAnswer("committing transaction '" + committable.transactionalId()
          + "' on topic '" + settings.topic() + "'", p::commitTransaction);
      transactional.put(committable.transactionalId(), p);
    }
  }

  /**
   * Commits, before this writer opens its producers, the transactions of the restored checkpoint
   * under this subtask's ids, and those of subtasks the restore at a smaller parallelism left to
   * it; then aborts whatever else those vanished subtasks left open, which no one else would.
   * This subtask's own open transactions are aborted when its producers open.
   */
  void commitRestored(List<KafkaCommittable> restored) {
    KafkaRestoredTransactions mine = KafkaRestoredTransactions.of(restored, subtask, parallelism);
    KafkaRecoveredCommitter committer = recoveredCommitter();
    mine.toCommit().forEach(committable -> commitRecovered(committer, committable));
    for (int vanished : mine.vanishedSubtasks()) {
      for (int slot = 0; slot < TRANSACTION_SLOTS; slot++) {
        abortOpenTransaction(transactionalId(vanished, slot));
      }
    }
  }

  private void abortOpenTransaction(String transactionalId) {
    try (KafkaProducer<byte[], byte[]> p = newProducer(transactionalId)) {
      // Fences the id's last producer and aborts its open transaction, if any.
      whileBrokersAnswer("aborting the transaction left open under transactional id '"
          + transactionalId + "'", p::initTransactions);
    }
    LOG.info("Aborted what was left open under transactional id {} of a sink subtask that no"
        + " longer exists", transactionalId);
  }

  private KafkaRecoveredCommitter recoveredCommitter() {
    return new KafkaRecoveredCommitter(this::newProducer);
  }

  private void commitRecovered(KafkaRecoveredCommitter committer, KafkaCommittable committable) {
    whileBrokersAnswer("committing transaction '" + committable.transactionalId()
        + "' of the restored checkpoint on topic '" + settings.topic() + "'",
        () -> committer.commit(committable));
  }

  /** How an error names the checkpoint being prepared; the end of input prepares the last one. */
  private static String checkpointPhrase(long checkpointId) {
    return checkpointId == Long.MAX_VALUE
        ? "at the end of input"
        : "for checkpoint " + checkpointId;
  }

  private void flushProducer(String why) {
    whileBrokersAnswer("flushing topic '" + settings.topic() + "' " + why, producer::flush);
  }

  /** A producer call that may wait on the brokers; {@code E} is what else it may throw. */
  @FunctionalInterface
  private interface BrokerCall<T, E extends Exception> {
    T call() throws E;
  }

  /** A {@link BrokerCall} without a result. */
  @FunctionalInterface
  private interface BrokerAction<E extends Exception> {
    void run() throws E;
  }

  /**
   * Runs {@code call}, turning Kafka's bare timeout, when the brokers do not answer, into an
   * error that names the brokers, what was being done ({@code doing}) and the options to check.
   */
  private <T, E extends Exception> T whileBrokersAnswer(String doing, BrokerCall<T, E> call)
      throws E {
    try {
      return call.call();
    } catch (TimeoutException e) {
      throw unanswered(doing, e);
    }
  }

  private <E extends Exception> void whileBrokersAnswer(String doing, BrokerAction<E> action)
      throws E {
    whileBrokersAnswer(doing, () -> {
      action.run();
      return null;
    });
  }

  private ConnectorException unanswered(String what, TimeoutException e) {
    return KafkaClients.unanswered(settings.clientProperties(), what, e);
  }

  private void checkSendError() throws Exception {
    Exception error = sendError.get();
    if (error instanceof TimeoutException timeout) {
      throw unanswered("writing to topic '" + settings.topic() + "'", timeout);
    }
    if (error != null) {
      throw new ConnectorException(
          "Could not write to Kafka topic '" + settings.topic() + "': " + error.getMessage(), error);
    }
  }

  @Override
  public void flush() throws Exception {
    sendBuffered();
    if (producer != null) {
      flushProducer("at the end of input");
    }
    checkSendError();
  }

  @Override
  public void close() {
    if (settings.guarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
      // Open transactions are left to the next run, which aborts them when it starts.
      transactional.values().stream().filter(p -> p != null).forEach(p -> p.close(java.time.Duration.ZERO));
      preparedProducers.values().forEach(p -> p.close(java.time.Duration.ZERO));
    } else if (producer != null) {
      producer.close();
    }
  }
}
