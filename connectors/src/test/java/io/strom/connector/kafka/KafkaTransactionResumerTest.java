package io.strom.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.connector.kafka.KafkaTransactionResumer.ProducerIdentity;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Taking over a transaction that a producer left open, against a real broker. */
class KafkaTransactionResumerTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();

  private static KafkaProducer<byte[], byte[]> producer(String transactionalId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers());
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void sendAndLeaveOpen(KafkaProducer<byte[], byte[]> producer, String topic, String... values) {
    producer.beginTransaction();
    for (String value : values) {
      producer.send(new ProducerRecord<>(topic, 0, null, value.getBytes()));
    }
    producer.flush();
  }

  @Test
  void aNewProducerCommitsTheTransactionAnotherLeftOpen() {
    String topic = BROKER.newTopic("resume", 1);
    String id = "resume-" + topic;
    KafkaProducer<byte[], byte[]> crashed = producer(id);
    crashed.initTransactions();
    sendAndLeaveOpen(crashed, topic, "a", "b");
    ProducerIdentity identity = KafkaTransactionResumer.identity(crashed).orElseThrow();
    crashed.close(Duration.ZERO); // no abort: as if the process died
    assertThat(BROKER.readValues(topic, false)).containsExactly("a", "b");

    try (KafkaProducer<byte[], byte[]> recovering = producer(id)) {
      KafkaTransactionResumer.resume(recovering, identity);
      recovering.commitTransaction();
    }
    assertThat(BROKER.readValues(topic, true)).containsExactly("a", "b");

    // The id stays usable: a new run fences the old epoch and writes on.
    try (KafkaProducer<byte[], byte[]> next = producer(id)) {
      next.initTransactions();
      sendAndLeaveOpen(next, topic, "c");
      next.commitTransaction();
    }
    assertThat(BROKER.readValues(topic, true)).containsExactly("a", "b", "c");
  }

  @Test
  void takingOverAnEarlierTransactionNeverCommitsALaterOneOfTheSameId() {
    String topic = BROKER.newTopic("resume-later", 1);
    String id = "resume-later-" + topic;
    KafkaProducer<byte[], byte[]> crashed = producer(id);
    crashed.initTransactions();
    sendAndLeaveOpen(crashed, topic, "a");
    ProducerIdentity first = KafkaTransactionResumer.identity(crashed).orElseThrow();
    crashed.commitTransaction();
    sendAndLeaveOpen(crashed, topic, "b"); // the id's next transaction, never to be committed
    crashed.close(Duration.ZERO);

    try (KafkaProducer<byte[], byte[]> recovering = producer(id)) {
      KafkaTransactionResumer.resume(recovering, first);
      recovering.commitTransaction();
    } catch (org.apache.kafka.common.KafkaException e) {
      // fenced: the id has moved on
    }
    try (KafkaProducer<byte[], byte[]> next = producer(id)) {
      next.initTransactions(); // aborts "b"
    }
    assertThat(BROKER.readValues(topic, true)).containsExactly("a");
  }
}
