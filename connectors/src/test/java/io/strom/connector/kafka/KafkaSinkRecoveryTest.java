package io.strom.connector.kafka;

import static io.strom.types.DataTypes.BIGINT;
import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.ROW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.CheckpointingOptions.ExternalizedCheckpointRetention;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.connector.ConnectorTesting;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.datastream.sink.PrecommittingSinkWriter;
import io.strom.datastream.sink.Sink;
import io.strom.datastream.sink.SinkWriter;
import io.strom.datastream.sink.TwoPhaseCommittingSink;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.metrics.MetricGroup;
import io.strom.serde.TypeSerializer;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.types.RowType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
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
    return BROKER.tableOptions(topic, "sink.delivery-guarantee", "exactly-once",
        "sink.transactional-id-prefix", "recovery-" + topic);
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
   * falls after the checkpoint completed and before its transactions were committed. It waits
   * until the input of every other subtask ended, the interleaving in which a sink that committed
   * at the end of its input, before a checkpoint recorded that end, saw its rows replayed.
   */
  static final class CrashBeforeFirstCommit implements TwoPhaseCommittingSink<Row, KafkaCommittable> {
    private static final long serialVersionUID = 1L;
    static final AtomicBoolean CRASHED = new AtomicBoolean();
    static final AtomicLong WRITTEN = new AtomicLong();
    /** Writers whose input ended. */
    static final AtomicInteger ENDED = new AtomicInteger();

    static void reset() {
      CRASHED.set(false);
      WRITTEN.set(0);
      ENDED.set(0);
    }

    private final TwoPhaseCommittingSink<Row, KafkaCommittable> kafka;

    CrashBeforeFirstCommit(TwoPhaseCommittingSink<Row, KafkaCommittable> kafka) {
      this.kafka = kafka;
    }

    @Override
    public PrecommittingSinkWriter<Row, KafkaCommittable> createWriter(InitContext context)
        throws Exception {
      return new CountingWriter(kafka.createWriter(context), context.parallelism());
    }

    @Override
    public void commit(SinkWriter<Row> writer, List<KafkaCommittable> committables)
        throws Exception {
      CountingWriter counting = (CountingWriter) writer;
      if (WRITTEN.get() > 200 && CRASHED.compareAndSet(false, true)) {
        awaitTheOtherSubtasksEnd(counting);
        throw new IllegalStateException("injected crash between checkpoint completion and commit");
      }
      kafka.commit(counting.kafka, committables);
    }

    private static void awaitTheOtherSubtasksEnd(CountingWriter crashing) throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (ENDED.get() - (crashing.ended ? 1 : 0) < crashing.parallelism - 1) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the other sink subtasks' input did not end within 60 s");
        }
        Thread.sleep(5);
      }
    }

    @Override
    public void commitRestored(
        SinkWriter<Row> writer, List<KafkaCommittable> restored, int subtask, int parallelism)
        throws Exception {
      kafka.commitRestored(((CountingWriter) writer).kafka, restored, subtask, parallelism);
    }

    @Override
    public TypeSerializer<KafkaCommittable> committableSerializer() {
      return kafka.committableSerializer();
    }
  }

  /** The kafka sink's writer, counting the rows written. */
  private static final class CountingWriter implements PrecommittingSinkWriter<Row, KafkaCommittable> {
    final PrecommittingSinkWriter<Row, KafkaCommittable> kafka;
    final int parallelism;
    boolean ended;

    CountingWriter(PrecommittingSinkWriter<Row, KafkaCommittable> kafka, int parallelism) {
      this.kafka = kafka;
      this.parallelism = parallelism;
    }

    @Override
    public void write(Row element, long timestamp) throws Exception {
      kafka.write(element, timestamp);
      CrashBeforeFirstCommit.WRITTEN.incrementAndGet();
    }

    @Override
    public List<KafkaCommittable> prepareCommit(long checkpointId) throws Exception {
      List<KafkaCommittable> prepared = kafka.prepareCommit(checkpointId);
      if (checkpointId == Long.MAX_VALUE && !ended) {
        // The end of input: what is left is prepared.
        ended = true;
        CrashBeforeFirstCommit.ENDED.incrementAndGet();
      }
      return prepared;
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
    CrashBeforeFirstCommit.reset();
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

  @Test
  void restoreAtASmallerParallelismCommitsTheCheckpointAndAbortsTheDroppedSubtasksTransactions()
      throws Exception {
    crashBeforeCommitThenRestoreAt(2, 1);
  }

  @Test
  void restoreAtALargerParallelismCommitsTheCheckpointAndAbortsWhatWasLeftOpen()
      throws Exception {
    crashBeforeCommitThenRestoreAt(1, 2);
  }

  /**
   * Runs a job at parallelism {@code before} that fails between a checkpoint's completion and
   * its commit, then starts it from that checkpoint at parallelism {@code after}: a
   * read_committed reader sees every row exactly once, and reaches the topic's end, which it
   * would not while a transaction of the failed run stayed open.
   */
  private void crashBeforeCommitThenRestoreAt(int before, int after) throws Exception {
    CrashBeforeFirstCommit.reset();
    String topic = BROKER.newTopic("rescale-" + before + "-to-" + after, 2);
    long rows = 1_000;

    StreamExecutionEnvironment failing = rescaleEnvironment(before);
    failing.getConfiguration().set(RestartStrategyOptions.TYPE, "none");
    idsInto(failing, rows, new CrashBeforeFirstCommit(kafkaSink(topic)));
    assertThatThrownBy(() -> failing.execute("crash before commit at parallelism " + before))
        .hasStackTraceContaining("injected crash between checkpoint completion and commit");
    assertThat(CrashBeforeFirstCommit.CRASHED).isTrue();

    StreamExecutionEnvironment restored = rescaleEnvironment(after);
    restored.getConfiguration().set(
        CheckpointingOptions.RECOVERY_PATH, latestRetainedCheckpoint().toString());
    idsInto(restored, rows, kafkaSink(topic));
    restored.execute("restore at parallelism " + after);

    assertThat(BROKER.readValues(topic, true)).containsExactlyInAnyOrderElementsOf(idsAsJson(0, rows));
  }

  private StreamExecutionEnvironment rescaleEnvironment(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.getConfiguration().set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
    env.getConfiguration().set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    env.getConfiguration().set(
        CheckpointingOptions.EXTERNALIZED_RETENTION,
        ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);
    return env;
  }

  private static void idsInto(
      StreamExecutionEnvironment env, long rows, TwoPhaseCommittingSink<Row, KafkaCommittable> sink) {
    env.fromSource(
            new GeneratorSource<>(KafkaSinkRecoveryTest::id, rows, 2_000),
            WatermarkStrategy.noWatermarks(),
            "ids")
        .sinkTo(sink);
  }

  /** The newest completed checkpoint kept under {@link #checkpoints}, of any job. */
  private Path latestRetainedCheckpoint() throws IOException {
    try (Stream<Path> files = Files.walk(checkpoints)) {
      return files
          .filter(f -> f.getFileName().toString().equals(CheckpointStorage.METADATA_FILE))
          .map(Path::getParent)
          .filter(d -> d.getFileName().toString().startsWith("chk-"))
          .max(Comparator.comparingLong(d -> Long.parseLong(d.getFileName().toString().substring(4))))
          .orElseThrow(() -> new AssertionError("no completed checkpoint was retained"));
    }
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
