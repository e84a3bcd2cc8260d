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
 *       flushed and handed over for commit, and the next one starts on another producer. The
 *       producers' transactional ids are {@code <prefix>-<subtask>-<slot>} for a few slots reused
 *       in turn; opening them at start aborts whatever a crashed run left open under those ids.
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
  private final AtomicReference<Exception> sendError = new AtomicReference<>();
  /** Rows waiting by key (upsert-kafka's {@code sink.buffer-flush.*}), or null. */
  private final UpsertBuffer buffer;
  /** Transactional producers by id; the current one is {@link #producer}. */
  private final Map<String, KafkaProducer<byte[], byte[]>> transactional = new HashMap<>();
  private KafkaProducer<byte[], byte[]> producer;
  private String currentTransactionalId;
  private int nextSlot;

  KafkaSinkWriter(
      KafkaSinkSettings settings, KafkaRecordEncoder encoder, int subtask, int parallelism) {
    this.settings = settings;
    this.encoder = encoder;
    this.subtask = subtask;
    this.buffer = settings.buffer().enabled() ? new UpsertBuffer(settings.buffer()) : null;
    if (settings.guarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
      for (int slot = 0; slot < TRANSACTION_SLOTS; slot++) {
        String id = transactionalId(slot);
        KafkaProducer<byte[], byte[]> p = newProducer(id);
        // Fences any producer of a crashed run with this id and aborts its open transaction.
        p.initTransactions();
        transactional.put(id, p);
      }
      beginTransaction();
    } else {
      producer = newProducer(null);
    }
    this.partitions = new KafkaPartitionChooser(
        settings.partitioner(), subtask, () -> producer.partitionsFor(settings.topic()).size());
  }

  private String transactionalId(int slot) {
    return settings.transactionalIdPrefix() + "-" + subtask + "-" + slot;
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
    producer.send(record, (metadata, error) -> {
      if (error != null) {
        sendError.compareAndSet(null, error);
      }
    });
  }

  private void sendBuffered() {
    if (buffer != null) {
      buffer.drain().forEach(this::send);
    }
  }

  @Override
  public List<KafkaCommittable> prepareCommit(long checkpointId) throws Exception {
    sendBuffered();
    switch (settings.guarantee()) {
      case NONE -> {
        return List.of();
      }
      case AT_LEAST_ONCE -> {
        producer.flush();
        checkSendError();
        return List.of();
      }
      default -> {
        producer.flush();
        checkSendError();
        KafkaCommittable prepared = new KafkaCommittable(currentTransactionalId);
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

  /** Commits prepared transactions; ids this writer does not hold were committed before a restore. */
  void commit(List<KafkaCommittable> committables) {
    for (KafkaCommittable committable : committables) {
      KafkaProducer<byte[], byte[]> p = preparedProducers.remove(committable.transactionalId());
      if (p == null) {
        LOG.info("Transaction {} is not held by this writer; it was committed or aborted before"
            + " the restore", committable.transactionalId());
        continue;
      }
      p.commitTransaction();
      transactional.put(committable.transactionalId(), p);
    }
  }

  private void checkSendError() throws Exception {
    Exception error = sendError.get();
    if (error != null) {
      throw new ConnectorException(
          "Could not write to Kafka topic '" + settings.topic() + "': " + error.getMessage(), error);
    }
  }

  @Override
  public void flush() throws Exception {
    sendBuffered();
    if (producer != null) {
      producer.flush();
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
