package io.strom.connector.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one process) running inside the
 * test JVM on free ports and a temporary directory. One broker is shared by every test of the JVM:
 * it starts on first use (about five seconds) and stops when the JVM exits. Tests keep apart by
 * using topics of their own ({@link #newTopic}). A test that stops the broker while a job runs
 * takes one of its own ({@link #startPrivate}), so the shared one is never interrupted.
 */
public final class KafkaTestBroker implements AutoCloseable {
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static KafkaTestBroker shared;

  private final Path dir;
  private final KafkaConfig config;
  private final String bootstrapServers;
  private final Admin admin;
  /** The running server, or null while the broker is stopped. */
  private KafkaRaftServer server;

  private KafkaTestBroker() throws Exception {
    dir = Files.createTempDirectory("strom-kafka-");
    int brokerPort = freePort();
    int controllerPort = freePort();
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", dir.resolve("logs").toString());
    // One node: every internal topic must fit on it, or transactions and groups never start.
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("transaction.state.log.num.partitions", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("num.partitions", "1");
    props.put("auto.create.topics.enable", "false");
    Path config = dir.resolve("server.properties");
    try (var out = Files.newOutputStream(config)) {
      props.store(out, "in-process test broker");
    }
    ByteArrayOutputStream formatLog = new ByteArrayOutputStream();
    int formatted =
        kafka.tools.StorageTool.execute(
            new String[] {"format", "-t", randomClusterId(), "-c", config.toString()},
            new PrintStream(formatLog, true, StandardCharsets.UTF_8));
    if (formatted != 0) {
      throw new IllegalStateException("Could not format the broker's storage: " + formatLog);
    }
    this.config = new KafkaConfig(props);
    bootstrapServers = "127.0.0.1:" + brokerPort;
    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    start();
  }

  /** A broker for one test class alone, which may stop and start it; {@link #close} ends it. */
  public static KafkaTestBroker startPrivate() {
    try {
      return new KafkaTestBroker();
    } catch (Exception e) {
      throw new IllegalStateException("Could not start a test Kafka broker", e);
    }
  }

  /** The broker shared by all tests of this JVM, started on first use. */
  public static synchronized KafkaTestBroker shared() {
    if (shared == null) {
      try {
        shared = new KafkaTestBroker();
      } catch (Exception e) {
        throw new IllegalStateException("Could not start the test Kafka broker", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-test-broker-stop"));
    }
    return shared;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public Admin admin() {
    return admin;
  }

  /** Creates a topic with a name no other test uses, e.g. {@code orders-7}. */
  public String newTopic(String prefix, int partitions) {
    String name = prefix + "-" + TOPICS.incrementAndGet();
    createTopic(name, partitions);
    return name;
  }

  public void createTopic(String name, int partitions) {
    try {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not create topic " + name, e);
    }
  }

  /**
   * The options of a kafka table on {@code topic} of this broker with json values, then {@code
   * more} as key-value pairs, which may replace those; a mutable map, for a test to change.
   */
  public Map<String, String> tableOptions(String topic, String... more) {
    if (more.length % 2 != 0) {
      throw new IllegalArgumentException("Options come in key-value pairs: " + List.of(more));
    }
    Map<String, String> options = new HashMap<>();
    options.put("connector", "kafka");
    options.put("topic", topic);
    options.put("properties.bootstrap.servers", bootstrapServers);
    options.put("format", "json");
    for (int i = 0; i < more.length; i += 2) {
      options.put(more[i], more[i + 1]);
    }
    return options;
  }

  /** A record to produce in a test. */
  public record TestRecord(
      int partition, String key, String value, Long timestamp, Map<String, String> headers) {
    public static TestRecord of(int partition, String value) {
      return new TestRecord(partition, null, value, null, Map.of());
    }

    public static TestRecord of(int partition, String key, String value) {
      return new TestRecord(partition, key, value, null, Map.of());
    }

    public static TestRecord at(int partition, long timestamp, String value) {
      return new TestRecord(partition, null, value, timestamp, Map.of());
    }
  }

  /** Writes the records to the topic and waits until the broker has them all. */
  public void produce(String topic, List<TestRecord> records) {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (TestRecord r : records) {
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(topic, r.partition(), r.timestamp(), bytes(r.key()), bytes(r.value()));
        r.headers().forEach((k, v) -> record.headers().add(new RecordHeader(k, bytes(v))));
        producer.send(record);
      }
      producer.flush();
    }
  }

  /** Writes records with these binary values and no key into {@code partition}. */
  public void produceBytes(String topic, int partition, List<byte[]> values) {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      for (byte[] value : values) {
        producer.send(new ProducerRecord<>(topic, partition, null, value));
      }
      producer.flush();
    }
  }

  /** Writes one value per record, all into {@code partition}. */
  public void produceValues(String topic, int partition, String... values) {
    List<TestRecord> records = new ArrayList<>();
    for (String value : values) {
      records.add(TestRecord.of(partition, value));
    }
    produce(topic, records);
  }

  public KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  /**
   * Every record of the topic up to its current end, partition by partition; with {@code
   * readCommitted} only those of committed transactions, waiting until open ones are decided.
   */
  public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, boolean readCommitted) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(readCommitted)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .sorted(Comparator.comparingInt(TopicPartition::partition))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      // The end as written, markers included: a committed read reaches it once the transaction
      // markers are in, which happens shortly after a commit returns.
      Map<TopicPartition, Long> end;
      try (KafkaConsumer<byte[], byte[]> uncommitted = consumer(false)) {
        end = uncommitted.endOffsets(partitions);
      }
      List<ConsumerRecord<byte[], byte[]>> result = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Timed out reading " + topic + " to its end " + end);
        }
        consumer.poll(Duration.ofMillis(100)).forEach(result::add);
      }
      result.sort(
          Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
              .thenComparingLong(ConsumerRecord::offset));
      return result;
    }
  }

  /** The values of {@link #readAll}, as text. */
  public List<String> readValues(String topic, boolean readCommitted) {
    return readAll(topic, readCommitted).stream().map(r -> text(r.value())).toList();
  }

  public KafkaConsumer<byte[], byte[]> consumer(boolean readCommitted) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  public static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Starts the broker again after {@link #stop}, on the same ports and with the same log
   * directory, so it has every topic, record and transaction it had; returns once it serves
   * clients.
   */
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("The test broker is running");
    }
    server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    try {
      admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("The test broker did not come up on " + bootstrapServers, e);
    }
  }

  /** Shuts the broker down, keeping its data: clients lose their connections until {@link #start}. */
  public synchronized void stop() {
    if (this == shared) {
      throw new IllegalStateException(
          "Other tests use the shared broker: stop a broker of your own (startPrivate)");
    }
    shutDown();
  }

  private synchronized void shutDown() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  /** Stops the broker for good and deletes its data. */
  @Override
  public synchronized void close() {
    admin.close(Duration.ofSeconds(5));
    shutDown();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String randomClusterId() {
    return org.apache.kafka.common.Uuid.randomUuid().toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
