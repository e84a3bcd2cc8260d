package io.strom.planner.connectors;

import static io.strom.planner.connectors.KafkaSqlTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.functions.ScalarFunction;
import io.strom.configuration.Configuration;
import io.strom.connector.kafka.KafkaTestBroker;
import io.strom.connector.kafka.KafkaTestBroker.TestRecord;
import io.strom.planner.session.SqlSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running jobs pick up partitions added to the topics they read, and topics created later that
 * match their pattern, within {@code scan.topic-partition-discovery.interval}; also after they were
 * restored from a checkpoint (a failover) or a savepoint.
 */
class KafkaPartitionDiscoverySqlTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
  private static final String DISCOVERY = "'scan.topic-partition-discovery.interval' = '100 ms'";

  private final SqlSession session = new SqlSession(new Configuration());
  @TempDir Path checkpoints;

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private static TestRecord event(int partition, int second) {
    return TestRecord.of(partition, String.format("{\"ts\": \"2024-01-01 00:00:%02d\"}", second));
  }

  private static String window(int start, long count) {
    return String.format("{\"window_start\":\"2024-01-01 00:00:%02d\",\"window_end\":"
        + "\"2024-01-01 00:00:%02d\",\"cnt\":%d}", start, start + 10, count);
  }

  /**
   * A tumbling-window count at parallelism 2 over a topic of one partition: one reader has no
   * partition and is idle, so the other alone drives the watermark. The second partition, added
   * while the job runs, goes to the idle reader (partitions 0 and 1 never share one); its rows
   * are counted, and from then on that reader holds the watermark back like any other.
   */
  @Test
  void partitionAddedToARunningJobIsReadAndTakesPartInTheWatermark() throws Exception {
    String in = BROKER.newTopic("discover-in", 1);
    String out = BROKER.newTopic("discover-out", 1);
    String group = "discover-group-" + in;
    BROKER.produce(in, List.of(event(0, 1), event(0, 3), event(0, 12)));
    session.execute("SET 'parallelism.default' = '2'");
    session.execute("SET 'execution.checkpointing.interval' = '100 ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + checkpoints + "'");
    session.execute(KafkaTableDdl.kafka(BROKER, "events",
            "ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND", in)
        .with("properties.group.id", group).fromEarliest().format("json").with(DISCOVERY).sql());
    session.execute(KafkaTableDdl.kafka(BROKER, "counts",
            "window_start TIMESTAMP(3), window_end TIMESTAMP(3), cnt BIGINT", out)
        .format("json").sql());
    session.execute("INSERT INTO counts SELECT window_start, window_end, COUNT(*)"
        + " FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
        + " GROUP BY window_start, window_end");

    // The reader without a partition holds nothing back.
    await("the first window is emitted", () -> !BROKER.readValues(out, false).isEmpty());
    assertThat(BROKER.readValues(out, false)).containsExactly(window(0, 2));

    BROKER.admin().createPartitions(Map.of(in, NewPartitions.increaseTo(2)))
        .all().get(30, TimeUnit.SECONDS);
    BROKER.produce(in, List.of(event(1, 14)));
    await("the new partition is read", () -> groupOffset(group, 1) == 1);

    // Partition 0 moves on to 35 s, but the new partition's reader is at 14 s: no window closes.
    BROKER.produce(in, List.of(event(0, 35)));
    await("partition 0 is read to its end", () -> groupOffset(group, 0) == 4);
    BROKER.produce(in, List.of(event(1, 16), event(1, 40)));

    // An idle reader would have let [10 s, 20 s) close at 2 and dropped 16 s as late.
    await("the second window is emitted", () -> BROKER.readValues(out, false).size() >= 2);
    assertThat(BROKER.readValues(out, false)).containsExactly(window(0, 2), window(10, 3));
  }

  @Test
  void topicCreatedLaterThatMatchesThePatternIsRead() throws Exception {
    String first = BROKER.newTopic("pattern-discover", 1);
    String prefix = first + "-";
    String out = BROKER.newTopic("pattern-discover-out", 1);
    BROKER.createTopic(prefix + "a", 1);
    BROKER.produceValues(prefix + "a", 0, "{\"id\": 1}");
    session.execute(KafkaTableDdl.kafkaPattern(BROKER, "ids", "id INT", prefix + "[a-z]")
        .fromEarliest().format("json").with(DISCOVERY).sql());
    createCopy(out);
    session.execute("INSERT INTO copied SELECT id FROM ids");
    await("the existing topic is read", () -> !BROKER.readValues(out, false).isEmpty());

    BROKER.createTopic(prefix + "b", 2);
    BROKER.produce(prefix + "b", List.of(
        TestRecord.of(0, "{\"id\": 2}"), TestRecord.of(1, "{\"id\": 3}")));
    BROKER.createTopic(prefix + "other", 1);
    BROKER.produceValues(prefix + "other", 0, "{\"id\": 4}");

    await("the new topic is read", () -> BROKER.readValues(out, false).size() >= 3);
    assertThat(BROKER.readValues(out, false))
        .containsExactlyInAnyOrder("{\"id\":1}", "{\"id\":2}", "{\"id\":3}");
  }

  /** Passes every row but fails its task the first time it sees each negative id. */
  public static final class FailOnNegative extends ScalarFunction {
    static final Set<Integer> FIRED = ConcurrentHashMap.newKeySet();

    public boolean eval(Integer id) {
      if (id != null && id < 0 && FIRED.add(id)) {
        throw new IllegalStateException("injected failure at row " + id);
      }
      return id == null || id >= 0;
    }
  }

  private void copyJobSettings() {
    session.execute("SET 'execution.checkpointing.interval' = '100 ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + checkpoints.resolve("cp") + "'");
    session.execute("SET 'execution.checkpointing.savepoint-dir' = '" + checkpoints.resolve("sp") + "'");
    session.execute("SET 'restart-strategy.type' = 'fixed-delay'");
    session.execute("SET 'restart-strategy.fixed-delay.attempts' = '5'");
    session.execute("SET 'restart-strategy.fixed-delay.delay' = '50 ms'");
  }

  private void createCopy(String out) {
    session.execute(KafkaTableDdl.kafka(BROKER, "copied", "id INT", out).format("json").sql());
  }

  /** The distinct ids copied so far: a restart may write rows after its checkpoint again. */
  private static List<String> distinctCopied(String out) {
    return BROKER.readValues(out, false).stream().distinct().sorted().toList();
  }

  /**
   * A task fails after a checkpoint completed; the job restores from it, and a partition added
   * after the restore is found and read.
   */
  @Test
  void partitionAddedAfterAFailoverIsRead() throws Exception {
    FailOnNegative.FIRED.clear();
    String in = BROKER.newTopic("discover-failover-in", 1);
    String out = BROKER.newTopic("discover-failover-out", 1);
    String group = "discover-group-" + in;
    copyJobSettings();
    session.execute("CREATE FUNCTION pass AS '" + FailOnNegative.class.getName() + "'");
    session.execute(KafkaTableDdl.kafka(BROKER, "ids", "id INT", in)
        .with("properties.group.id", group).fromEarliest().format("json").with(DISCOVERY).sql());
    createCopy(out);
    session.execute("INSERT INTO copied SELECT id FROM ids WHERE pass(id)");
    BROKER.produceValues(in, 0, "{\"id\": 1}");
    // Offsets reach the group when a checkpoint holding them completes: the failover restores it.
    await("a checkpoint after the first row completes", () -> groupOffset(group, 0) == 1);

    BROKER.produceValues(in, 0, "{\"id\": -1}", "{\"id\": 2}");
    // The failed attempt stops at -1: 2 is copied by the restored one.
    await("the restored job copies rows", () -> distinctCopied(out).contains("{\"id\":2}"));
    assertThat(FailOnNegative.FIRED).containsExactly(-1);

    BROKER.admin().createPartitions(Map.of(in, NewPartitions.increaseTo(2)))
        .all().get(30, TimeUnit.SECONDS);
    BROKER.produce(in, List.of(TestRecord.of(1, "{\"id\": 3}")));
    await("the partition added after the restore is read", () -> distinctCopied(out).size() == 3);
    assertThat(distinctCopied(out)).containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}");
  }

  /**
   * A job over a topic pattern stops with a savepoint and resumes from it; a partition added to a
   * topic it read and a topic created since are read, and what it read before is not read again.
   */
  @Test
  void partitionsAndTopicsAddedBeforeAResumeFromASavepointAreRead() throws Exception {
    String first = BROKER.newTopic("savepoint-discover", 1);
    String prefix = first + "-";
    String out = BROKER.newTopic("savepoint-discover-out", 1);
    BROKER.createTopic(prefix + "a", 1);
    BROKER.produceValues(prefix + "a", 0, "{\"id\": 1}");
    copyJobSettings();
    session.execute(KafkaTableDdl.kafkaPattern(BROKER, "ids", "id INT", prefix + "[a-z]")
        .fromEarliest().format("json").with(DISCOVERY).sql());
    createCopy(out);
    String job = session.execute("INSERT INTO copied SELECT id FROM ids").rows().get(0)
        .getString(0).toString();
    await("the existing topic is read", () -> !BROKER.readValues(out, false).isEmpty());
    String savepoint = session.execute("STOP JOB '" + job + "' WITH SAVEPOINT").rows().get(0)
        .getString(0).toString();

    BROKER.admin().createPartitions(Map.of(prefix + "a", NewPartitions.increaseTo(2)))
        .all().get(30, TimeUnit.SECONDS);
    BROKER.produce(prefix + "a", List.of(TestRecord.of(1, "{\"id\": 2}")));
    BROKER.createTopic(prefix + "b", 1);
    BROKER.produceValues(prefix + "b", 0, "{\"id\": 3}");
    session.execute("SET 'execution.state-recovery.path' = '" + savepoint + "'");
    session.execute("INSERT INTO copied SELECT id FROM ids");

    await("the new partition and topic are read", () -> BROKER.readValues(out, false).size() >= 3);
    // Row 1 once: the resumed job continues partition 0 where the savepoint left it.
    assertThat(BROKER.readValues(out, false))
        .containsExactlyInAnyOrder("{\"id\":1}", "{\"id\":2}", "{\"id\":3}");
  }

  private static long groupOffset(String group, int partition) {
    try {
      OffsetAndMetadata committed = BROKER.admin().listConsumerGroupOffsets(group)
          .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
          .entrySet().stream().filter(e -> e.getKey().partition() == partition)
          .map(Map.Entry::getValue).findFirst().orElse(null);
      return committed == null ? 0 : committed.offset();
    } catch (Exception e) {
      throw new IllegalStateException("Could not read the offsets of group " + group, e);
    }
  }
}
