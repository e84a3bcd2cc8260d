package io.strom.planner.connectors;

import static io.strom.planner.connectors.KafkaSqlTesting.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.Configuration;
import io.strom.connector.kafka.KafkaTestBroker;
import io.strom.connector.kafka.KafkaTestBroker.TestRecord;
import io.strom.planner.session.SqlSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Watermarks per Kafka partition: a tumbling-window count over a topic of three partitions, one of
 * which (partition 2) gets no records. Partitions 0 and 2 always share a reader subtask (splits go
 * to subtasks by partition number), so at parallelism 2 one subtask reads an active and an empty
 * partition, and at parallelism 1 the only subtask reads all three.
 */
class KafkaIdlenessSqlTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
  private static final String FIRST_WINDOW =
      "{\"window_start\":\"2024-01-01 00:00:00\",\"window_end\":\"2024-01-01 00:00:10\",\"cnt\":";

  /** 2024-01-01 00:00:00 UTC in epoch milliseconds. */
  private static final long EPOCH_2024 = 1_704_067_200_000L;

  private final SqlSession session = new SqlSession(new Configuration());
  @TempDir Path checkpoints;

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private static String event(int second) {
    return String.format("{\"ts\": \"2024-01-01 00:00:%02d\"}", second);
  }

  /** An event at 2024-01-01 00:00:ss in epoch milliseconds. */
  private static long epochMillis(int second) {
    return EPOCH_2024 + second * 1000L;
  }

  /** How a table other than {@code events} gets its rowtime, and its records. */
  enum Rowtime {
    /** Computed from epoch milliseconds in the value. */
    COMPUTED("epoch BIGINT, ts AS TO_TIMESTAMP_LTZ(epoch, 3)") {
      @Override
      TestRecord at(int partition, int second) {
        return TestRecord.of(partition, "{\"epoch\": " + epochMillis(second) + "}");
      }
    },
    /** The record's timestamp, declared before the physical column (so the scan reorders). */
    METADATA_FIRST("ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', id INT") {
      @Override
      TestRecord at(int partition, int second) {
        return TestRecord.at(partition, epochMillis(second), "{\"id\": " + second + "}");
      }
    };

    final String columns;

    Rowtime(String columns) {
      this.columns = columns;
    }

    abstract TestRecord at(int partition, int second);
  }

  /**
   * Partitions 0 and 1 get events at 1 to 15 s; their watermarks (event time minus 1 s) pass 10 s,
   * so the window [0 s, 10 s) with 4 events is complete unless partition 2 holds it back.
   */
  private static void produceToPartitionsZeroAndOne(String topic) {
    produceToPartitionsZeroAndOne(topic, (partition, second) -> TestRecord.of(partition, event(second)));
  }

  private static void produceToPartitionsZeroAndOne(
      String topic, BiFunction<Integer, Integer, TestRecord> event) {
    List<TestRecord> records = new ArrayList<>();
    for (int second : new int[] {1, 3, 12}) {
      records.add(event.apply(0, second));
    }
    for (int second : new int[] {2, 4, 15}) {
      records.add(event.apply(1, second));
    }
    BROKER.produce(topic, records);
  }

  /** Starts the window count from a 3-partition topic into a new topic; returns that topic. */
  private String startWindowCount(String in, int parallelism, String sourceOptions) {
    String out = BROKER.newTopic("idle-out", 1);
    session.execute("SET 'parallelism.default' = '" + parallelism + "'");
    session.execute(KafkaTableDdl.kafka(BROKER, "events",
            "ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND", in)
        .fromEarliest().format("json").with(sourceOptions).sql());
    session.execute(KafkaTableDdl.kafka(BROKER, "counts",
            "window_start TIMESTAMP(3), window_end TIMESTAMP(3), cnt BIGINT", out)
        .format("json").sql());
    session.execute("INSERT INTO counts SELECT window_start, window_end, COUNT(*)"
        + " FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
        + " GROUP BY window_start, window_end");
    return out;
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void emptyPartitionIsIdleAfterTheTableTimeoutAndHoldsNothingBack(int parallelism)
      throws Exception {
    String in = BROKER.newTopic("idle-in", 3);
    produceToPartitionsZeroAndOne(in);
    String out = startWindowCount(in, parallelism, ", 'scan.watermark.idle-timeout' = '200 ms'");

    await("the first window is emitted", () -> !BROKER.readValues(out, false).isEmpty());
    assertThat(BROKER.readValues(out, false)).containsExactly(FIRST_WINDOW + "4}");
  }

  @Test
  void globalIdleTimeoutAppliesPerPartition() throws Exception {
    String in = BROKER.newTopic("idle-global-in", 3);
    produceToPartitionsZeroAndOne(in);
    session.execute("SET 'table.exec.source.idle-timeout' = '200 ms'");
    String out = startWindowCount(in, 2, "");

    await("the first window is emitted", () -> !BROKER.readValues(out, false).isEmpty());
    assertThat(BROKER.readValues(out, false)).containsExactly(FIRST_WINDOW + "4}");
  }

  /**
   * Without idleness (or before its timeout) the empty partition holds the window back: it is
   * emitted only once partition 2 has records, and then counts partition 2's event at 5 s, which
   * an early firing would have dropped as late.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", ", 'scan.watermark.idle-timeout' = '1 h'"})
  void emptyPartitionHoldsTheWindowBackWithoutIdleness(String idleOption) throws Exception {
    String in = BROKER.newTopic("idle-none-in", 3);
    String group = "idle-group-" + in;
    produceToPartitionsZeroAndOne(in);
    session.execute("SET 'execution.checkpointing.interval' = '100 ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + checkpoints + "'");
    String out = startWindowCount(in, 2, idleOption + ", 'properties.group.id' = '" + group + "'");

    // Offsets are committed by completed checkpoints, whose barriers follow the records read.
    await("partitions 0 and 1 are read to their end", () -> groupOffsets(group) == 6);
    assertThat(BROKER.readValues(out, false)).isEmpty();

    BROKER.produce(in, List.of(TestRecord.of(2, event(5)), TestRecord.of(2, event(30))));
    await("the first window is emitted", () -> !BROKER.readValues(out, false).isEmpty());
    assertThat(BROKER.readValues(out, false)).containsExactly(FIRST_WINDOW + "5}");
  }

  /**
   * The window count over a table whose rowtime is computed or a metadata column moved by the
   * scan's projection: the source still generates the watermark per partition.
   */
  private String startWindowCount(String in, int parallelism, Rowtime rowtime, String sourceOptions) {
    String out = BROKER.newTopic("rowtime-out", 1);
    session.execute("SET 'parallelism.default' = '" + parallelism + "'");
    session.execute(KafkaTableDdl.kafka(BROKER, "rowtimes",
            rowtime.columns + ", WATERMARK FOR ts AS ts - INTERVAL '1' SECOND", in)
        .fromEarliest().format("json").with(sourceOptions).sql());
    session.execute(KafkaTableDdl.kafka(BROKER, "rowtime_counts", "cnt BIGINT", out)
        .format("json").sql());
    session.execute("INSERT INTO rowtime_counts SELECT COUNT(*)"
        + " FROM TABLE(TUMBLE(TABLE rowtimes, DESCRIPTOR(ts), INTERVAL '10' SECOND))"
        + " GROUP BY window_start, window_end");
    return out;
  }

  @ParameterizedTest
  @EnumSource(Rowtime.class)
  void rowtimeThroughTheProjectionLetsAnIdlePartitionHoldNothingBack(Rowtime rowtime)
      throws Exception {
    String in = BROKER.newTopic("rowtime-idle-in", 3);
    produceToPartitionsZeroAndOne(in, rowtime::at);
    String out =
        startWindowCount(in, 2, rowtime, ", 'scan.watermark.idle-timeout' = '200 ms'");

    await("the first window is emitted", () -> !BROKER.readValues(out, false).isEmpty());
    assertThat(BROKER.readValues(out, false)).containsExactly("{\"cnt\":4}");
  }

  /**
   * Watermarks per partition through the projection that computes (or moves) the rowtime: the
   * empty partition holds the window back until it has records, and its event at 5 s is counted.
   * A watermark generated after the scan, per subtask, would have closed the window at 4 and
   * dropped that event as late.
   */
  @ParameterizedTest
  @EnumSource(Rowtime.class)
  void rowtimeThroughTheProjectionGetsWatermarksPerPartition(Rowtime rowtime) throws Exception {
    String in = BROKER.newTopic("rowtime-held-in", 3);
    String group = "rowtime-group-" + in;
    produceToPartitionsZeroAndOne(in, rowtime::at);
    session.execute("SET 'execution.checkpointing.interval' = '100 ms'");
    session.execute("SET 'execution.checkpointing.dir' = '" + checkpoints + "'");
    String out =
        startWindowCount(in, 1, rowtime, ", 'properties.group.id' = '" + group + "'");

    await("partitions 0 and 1 are read to their end", () -> groupOffsets(group) == 6);
    assertThat(BROKER.readValues(out, false)).isEmpty();

    BROKER.produce(in, List.of(rowtime.at(2, 5), rowtime.at(2, 30)));
    await("the first window is emitted", () -> !BROKER.readValues(out, false).isEmpty());
    assertThat(BROKER.readValues(out, false)).containsExactly("{\"cnt\":5}");
  }

  private static long groupOffsets(String group) {
    try {
      return BROKER.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
          .get(30, TimeUnit.SECONDS).values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    } catch (Exception e) {
      throw new IllegalStateException("Could not read the offsets of group " + group, e);
    }
  }

  @Test
  void idleTimeoutOfAConnectorWithoutPerSplitWatermarksIsRefused() {
    session.execute("CREATE TABLE gen (ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ("
        + "'connector' = 'datagen', 'number-of-rows' = '1', 'scan.watermark.idle-timeout' = '1 s')");
    assertThatThrownBy(() -> session.execute("SELECT * FROM gen"))
        .hasMessageContaining("scan.watermark.idle-timeout");
  }
}
