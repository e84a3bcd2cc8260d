package io.strom.benchmarks;

import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.connector.kafka.KafkaTestBroker;
import io.strom.planner.session.SqlSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Throughput of SQL jobs from Kafka to Kafka on an in-process broker (KRaft, one node): a topic of
 * several partitions is filled once with JSON events, then each query reads all of it (a bounded
 * scan up to the end) and writes into a fresh topic, with an at-least-once or an exactly-once sink
 * (checkpoints on). Events per second cover the whole job, from submission to its end.
 *
 * <pre>
 * bin/strom-bench kafka [--events N] [--partitions 4] [--parallelism 1,2] [--runs 3]
 *     [--checkpoint-interval 1s] [filter] [window]
 * </pre>
 */
final class KafkaBenchmark {
  /** A query of the benchmark, reading {@code events} and writing {@code out}. */
  private enum Query {
    FILTER(
        "filter",
        "out_id BIGINT, category INT, price DOUBLE, ts TIMESTAMP(3)",
        "INSERT INTO out_t SELECT id, category, price, ts FROM events WHERE category <> 3"),
    WINDOW(
        "window",
        "window_start TIMESTAMP(3), window_end TIMESTAMP(3), category INT, cnt BIGINT,"
            + " total DOUBLE",
        "INSERT INTO out_t SELECT window_start, window_end, category, COUNT(*), SUM(price)"
            + " FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' SECOND))"
            + " GROUP BY window_start, window_end, category");

    final String label;
    final String outColumns;
    final String insert;

    Query(String label, String outColumns, String insert) {
      this.label = label;
      this.outColumns = outColumns;
      this.insert = insert;
    }
  }

  private final KafkaTestBroker broker = KafkaTestBroker.shared();
  private final String checkpointInterval;
  private final int partitions;

  private KafkaBenchmark(String checkpointInterval, int partitions) {
    this.checkpointInterval = checkpointInterval;
    this.partitions = partitions;
  }

  static void main(String[] args) throws Exception {
    long events = 2_000_000;
    int partitions = 4;
    List<Integer> parallelisms = List.of(1, 2);
    int runs = 3;
    String checkpointInterval = "1 s";
    List<Query> queries = new java.util.ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Long.parseLong(args[++i].replace("_", ""));
        case "--partitions" -> partitions = Integer.parseInt(args[++i]);
        case "--parallelism" ->
            parallelisms = Stream.of(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--checkpoint-interval" -> checkpointInterval = args[++i];
        default -> queries.add(query(args[i]));
      }
    }
    if (queries.isEmpty()) {
      queries = List.of(Query.values());
    }
    KafkaBenchmark benchmark = new KafkaBenchmark(checkpointInterval, partitions);
    long fillStart = System.nanoTime();
    String topic = benchmark.fill(events);
    System.out.printf(Locale.ROOT, "Filled %s: %,d events in %d partitions, %.1f s%n", topic,
        events, partitions, (System.nanoTime() - fillStart) / 1e9);
    System.out.printf(Locale.ROOT, "%-8s %-14s %4s %14s %14s%n",
        "query", "sink", "par", "best ev/s", "median ev/s");
    for (Query query : queries) {
      for (String guarantee : List.of("at-least-once", "exactly-once")) {
        for (int parallelism : parallelisms) {
          benchmark.run(topic, query, guarantee, parallelism); // warm-up
          double[] rates = new double[runs];
          for (int r = 0; r < runs; r++) {
            rates[r] = events / benchmark.run(topic, query, guarantee, parallelism);
          }
          Arrays.sort(rates);
          System.out.printf(Locale.ROOT, "%-8s %-14s %4d %,14.0f %,14.0f%n",
              query.label, guarantee, parallelism, rates[runs - 1], rates[runs / 2]);
        }
      }
    }
    // The broker's threads would keep the JVM alive; its shutdown hook stops it and deletes its files.
    System.exit(0);
  }

  private static Query query(String name) {
    return Stream.of(Query.values()).filter(q -> q.label.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown kafka benchmark '" + name
            + "'; known: " + Stream.of(Query.values()).map(q -> q.label).toList()
            + "; options: --events, --partitions, --parallelism, --runs, --checkpoint-interval"));
  }

  /**
   * A new topic holding {@code events} JSON events spread round-robin over the partitions; event
   * {@code i} happens at {@code i} ms, in 10 categories.
   */
  private String fill(long events) {
    String topic = broker.newTopic("bench-events", partitions);
    try (KafkaProducer<byte[], byte[]> producer = broker.producer()) {
      for (long i = 0; i < events; i++) {
        String json = String.format(Locale.ROOT,
            "{\"id\":%d,\"category\":%d,\"price\":%.2f,\"ts\":\"2024-01-01 %02d:%02d:%02d.%03d\"}",
            i, i % 10, (i % 977) / 7.0, (i / 3_600_000) % 24, (i / 60_000) % 60, (i / 1000) % 60,
            i % 1000);
        producer.send(new ProducerRecord<>(topic, (int) (i % partitions), null, null,
            json.getBytes(StandardCharsets.UTF_8)));
      }
      producer.flush();
    }
    return topic;
  }

  /** Runs one query over the whole topic into a fresh topic; returns the job's seconds. */
  private double run(String topic, Query query, String guarantee, int parallelism)
      throws Exception {
    String out = broker.newTopic("bench-out", partitions);
    Path checkpoints = Files.createTempDirectory("strom-bench-kafka-chk");
    Configuration settings = new Configuration();
    settings.set(PipelineOptions.DEFAULT_PARALLELISM, parallelism);
    try (SqlSession session = new SqlSession(settings)) {
      if (guarantee.equals("exactly-once")) {
        session.execute("SET 'execution.checkpointing.interval' = '" + checkpointInterval + "'");
        session.execute("SET 'execution.checkpointing.dir' = '" + checkpoints + "'");
      }
      session.execute("CREATE TABLE events (id BIGINT, category INT, price DOUBLE,"
          + " ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ("
          + "'connector' = 'kafka', 'topic' = '" + topic + "', "
          + "'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "', "
          + "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset', "
          + "'format' = 'json')");
      session.execute("CREATE TABLE out_t (" + query.outColumns + ") WITH ("
          + "'connector' = 'kafka', 'topic' = '" + out + "', "
          + "'properties.bootstrap.servers' = '" + broker.bootstrapServers() + "', "
          + "'format' = 'json', 'sink.delivery-guarantee' = '" + guarantee + "', "
          + "'sink.transactional-id-prefix' = 'bench-" + out + "')");
      long start = System.nanoTime();
      session.execute(query.insert);
      return (System.nanoTime() - start) / 1e9;
    } finally {
      broker.admin().deleteTopics(List.of(out));
      deleteRecursively(checkpoints);
    }
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
