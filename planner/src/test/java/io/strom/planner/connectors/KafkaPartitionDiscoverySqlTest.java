package io.strom.planner.connectors;

import static io.strom.planner.connectors.KafkaSqlTesting.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.connector.kafka.KafkaTestBroker;
import io.strom.connector.kafka.KafkaTestBroker.TestRecord;
import io.strom.planner.session.SqlSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running jobs pick up partitions added to the topics they read, and topics created later that
 * match their pattern, within {@code scan.topic-partition-discovery.interval}.
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
    session.execute("CREATE TABLE events (ts TIMESTAMP(3),"
        + " WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ("
        + "'connector' = 'kafka', 'topic' = '" + in + "', "
        + "'properties.bootstrap.servers' = '" + BROKER.bootstrapServers() + "', "
        + "'properties.group.id' = '" + group + "', "
        + "'scan.startup.mode' = 'earliest-offset', 'format' = 'json', " + DISCOVERY + ")");
    session.execute("CREATE TABLE counts (window_start TIMESTAMP(3), window_end TIMESTAMP(3),"
        + " cnt BIGINT) WITH ('connector' = 'kafka', 'topic' = '" + out + "', "
        + "'properties.bootstrap.servers' = '" + BROKER.bootstrapServers() + "', "
        + "'format' = 'json')");
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
    session.execute("CREATE TABLE ids (id INT) WITH ('connector' = 'kafka',"
        + " 'topic-pattern' = '" + prefix + "[a-z]', "
        + "'properties.bootstrap.servers' = '" + BROKER.bootstrapServers() + "', "
        + "'scan.startup.mode' = 'earliest-offset', 'format' = 'json', " + DISCOVERY + ")");
    session.execute("CREATE TABLE copied (id INT) WITH ('connector' = 'kafka', 'topic' = '" + out
        + "', 'properties.bootstrap.servers' = '" + BROKER.bootstrapServers() + "', "
        + "'format' = 'json')");
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
