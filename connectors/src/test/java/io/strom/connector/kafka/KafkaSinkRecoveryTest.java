package io.strom.connector.kafka;

import static io.strom.types.DataTypes.BIGINT;
import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.ROW;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.connector.ConnectorTesting;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.datastream.sink.PrecommittingSinkWriter;
import io.strom.datastream.sink.Sink;
import io.strom.datastream.sink.SinkWriter;
import io.strom.datastream.sink.TwoPhaseCommittingSink;
import io.strom.runtime.metrics.MetricGroup;
import io.strom.serde.TypeSerializer;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.types.RowType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exactly-once kafka sink when a job fails after a checkpoint completed but before its
 * transactions were committed: the restored job commits them, so a read_committed reader sees
 * every row exactly once.
 */
class KafkaSinkRecoveryTest {
  private static final KafkaTestBroker BROKER = KafkaTestBroker.shared();
  private static final RowType IDS = ROW(FIELD("id", BIGINT()));

  @TempDir Path checkpoints;

  private static Map<String, String> exactlyOnce(String topic) {
    Map<String, String> options = new HashMap<>();
    options.put("connector", "kafka");
    options.put("topic", topic);
    options.put("properties.bootstrap.servers", BROKER.bootstrapServers());
    options.put("format", "json");
    options.put("sink.delivery-guarantee", "exactly-once");
    options.put("sink.transactional-id-prefix", "recovery-" + topic);
    return options;
  }

  @SuppressWarnings("unchecked")
  private static TwoPhaseCommittingSink<Row, KafkaCommittable> kafkaSink(String topic) {
    return (TwoPhaseCommittingSink<Row, KafkaCommittable>)
        ConnectorTesting.sink(IDS, exactlyOnce(topic)).createRuntimeSink();
  }

  private static Row id(long i) {
    GenericRow row = new GenericRow(1);
    row.setLong(0, i);
    return row;
  }

  private static List<String> idsAsJson(long from, long to) {
    return LongStream.range(from, to).mapToObj(i -> "{\"id\":" + i + "}").toList();
  }

  /**
   * The kafka sink, but the first commit of a checkpoint holding rows fails its task: the crash
   * falls after the checkpoint completed and before its transactions were committed.
   */
  static final class CrashBeforeFirstCommit implements TwoPhaseCommittingSink<Row, KafkaCommittable> {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean CRASHED = new AtomicBoolean();
    static final AtomicLong WRITTEN = new AtomicLong();

    private final TwoPhaseCommittingSink<Row, KafkaCommittable> kafka;

    CrashBeforeFirstCommit(TwoPhaseCommittingSink<Row, KafkaCommittable> kafka) {
      this.kafka = kafka;
    }

    @Override
    public PrecommittingSinkWriter<Row, KafkaCommittable> createWriter(InitContext context)
        throws Exception {
      return new CountingWriter(kafka.createWriter(context));
    }

    @Override
    public void commit(SinkWriter<Row> writer, List<KafkaCommittable> committables)
        throws Exception {
      if (WRITTEN.get() > 200 && CRASHED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected crash between checkpoint completion and commit");
      }
      kafka.commit(((CountingWriter) writer).kafka, committables);
    }

    @Override
    public TypeSerializer<KafkaCommittable> committableSerializer() {
      return kafka.committableSerializer();
    }
  }

  /** The kafka sink's writer, counting the rows written. */
  private static final class CountingWriter implements PrecommittingSinkWriter<Row, KafkaCommittable> {
    final PrecommittingSinkWriter<Row, KafkaCommittable> kafka;

    CountingWriter(PrecommittingSinkWriter<Row, KafkaCommittable> kafka) {
      this.kafka = kafka;
    }

    @Override
    public void write(Row element, long timestamp) throws Exception {
      kafka.write(element, timestamp);
      CrashBeforeFirstCommit.WRITTEN.incrementAndGet();
    }

    @Override
    public List<KafkaCommittable> prepareCommit(long checkpointId) throws Exception {
      return kafka.prepareCommit(checkpointId);
    }

    @Override
    public void flush() throws Exception {
      kafka.flush();
    }

    @Override
    public void close() throws Exception {
      kafka.close();
    }
  }

  @Test
  void jobRestoredAfterACrashBeforeTheCommitCommitsTheCheckpointsTransactions() throws Exception {
    CrashBeforeFirstCommit.CRASHED.set(false);
    CrashBeforeFirstCommit.WRITTEN.set(0);
    String topic = BROKER.newTopic("recovery", 2);
    long rows = 2_000;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration().set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
    env.getConfiguration().set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    env.getConfiguration().set(RestartStrategyOptions.TYPE, "fixed-delay");
    env.getConfiguration().set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 3);
    env.getConfiguration().set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(20));
    env.fromSource(
            new GeneratorSource<>(KafkaSinkRecoveryTest::id, rows, 1_000),
            WatermarkStrategy.noWatermarks(),
            "ids")
        .sinkTo(new CrashBeforeFirstCommit(kafkaSink(topic)));

    env.execute("crash before commit");

    assertThat(CrashBeforeFirstCommit.CRASHED).isTrue();
    assertThat(BROKER.readValues(topic, true)).containsExactlyInAnyOrderElementsOf(idsAsJson(0, rows));
  }

  private static Sink.InitContext subtask(int index) {
    return new Sink.InitContext() {
      @Override
      public int subtaskIndex() {
        return index;
      }

      @Override
      public int parallelism() {
        return 1;
      }

      @Override
      public MetricGroup metrics() {
        return null;
      }
    };
  }

  @Test
  void restoringTheSameCheckpointAgainCommitsItsTransactionOnce() throws Exception {
    String topic = BROKER.newTopic("recovery-twice", 1);
    TwoPhaseCommittingSink<Row, KafkaCommittable> sink = kafkaSink(topic);

    PrecommittingSinkWriter<Row, KafkaCommittable> crashed = sink.createWriter(subtask(0));
    for (long i = 0; i < 3; i++) {
      crashed.write(id(i), 0);
    }
    List<KafkaCommittable> checkpoint = crashed.prepareCommit(1);
    crashed.write(id(99), 0); // after the checkpoint: aborted, the restored source sends it again
    crashed.close();

    for (int restore = 0; restore < 2; restore++) {
      PrecommittingSinkWriter<Row, KafkaCommittable> restored = sink.createWriter(subtask(0));
      sink.commit(restored, checkpoint);
      restored.write(id(3 + restore), 0);
      sink.commit(restored, restored.prepareCommit(2));
      restored.close();
    }

    assertThat(BROKER.readValues(topic, true)).containsExactly(
        "{\"id\":0}", "{\"id\":1}", "{\"id\":2}", "{\"id\":3}", "{\"id\":4}");
  }
}
