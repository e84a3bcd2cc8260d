package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.MemorySize;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.TaskManagerOptions;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.checkpoint.CompletedCheckpoint;
import io.strom.runtime.checkpoint.OperatorState;
import io.strom.runtime.checkpoint.OperatorSubtaskState;
import io.strom.runtime.checkpoint.StateAssignment;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.network.ElementKind;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.RestoreContext;
import io.strom.runtime.operators.SnapshotContext;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.serde.BasicSerializers;
import io.strom.serde.DataInputDeserializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unaligned checkpoints under backpressure: a slow operator behind a full exchange. The first
 * checkpoint is read back: the records counted before the exchange (at the sources' snapshot) must
 * equal those counted by the slow operator at its snapshot plus those kept in flight. Aligned, the
 * slow operator snapshots only after it worked through the backlog, so nothing is in flight;
 * unaligned, its barrier overtakes the backlog, which the checkpoint keeps. Restoring replays it,
 * so every record is counted exactly once, also at another parallelism (the rebalanced in-flight
 * channels move to the new subtasks whole).
 */
class UnalignedCheckpointTest {
  private static final long RECORDS = 1_000_000;
  private static final String BEFORE = "before-count";
  private static final String SLOW = "slow-count";

  @TempDir Path checkpoints;

  /** Counts the records it passes on; the count is its list state. */
  static final class Counter extends AbstractOperator<Long> implements OneInputOperator<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final String stateName;
    private final long delayNanos;
    private final boolean emitCountAtEnd;
    private transient long count;

    Counter(String stateName, long delayNanos, boolean emitCountAtEnd) {
      this.stateName = stateName;
      this.delayNanos = delayNanos;
      this.emitCountAtEnd = emitCountAtEnd;
    }

    @Override
    public void initializeState(RestoreContext context) throws Exception {
      for (long c : context.readListState(stateName, BasicSerializers.LONG)) {
        count += c;
      }
    }

    @Override
    public void processElement(Long x, long timestamp) {
      count++;
      if (delayNanos > 0) {
        // The work of a slow operator, which makes the exchange in front of it fill up.
        LockSupport.parkNanos(delayNanos);
      }
      if (!emitCountAtEnd) {
        output.collect(x, timestamp);
      }
    }

    @Override
    public void snapshotState(SnapshotContext context) throws Exception {
      context.writeListState(stateName, BasicSerializers.LONG, List.of(count));
    }

    @Override
    public void finish() {
      if (emitCountAtEnd) {
        output.collect(count, Long.MIN_VALUE);
      }
    }
  }

  private Configuration conf(boolean unaligned) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(200));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(CheckpointingOptions.NUM_RETAINED, 100);
    conf.set(
        CheckpointingOptions.EXTERNALIZED_RETENTION,
        CheckpointingOptions.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    conf.set(CheckpointingOptions.UNALIGNED, unaligned);
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    // Small buffers, many of them: a long queue of records in front of the slow operator.
    conf.set(TaskManagerOptions.SEGMENT_SIZE, MemorySize.parse("1 kb"));
    conf.set(TaskManagerOptions.BUFFERS_PER_CHANNEL, 8);
    conf.set(TaskManagerOptions.FLOATING_BUFFERS, 16);
    return conf;
  }

  private static JobClient submit(
      Configuration conf, int parallelism, long slowNanos, CollectSink<Long> sink)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.getConfiguration().addAll(conf);
    env.fromSource(
            new GeneratorSource<>(i -> i, RECORDS, 0), WatermarkStrategy.noWatermarks(),
            "Numbers", Types.LONG)
        .transform("Before", Types.LONG, new Counter(BEFORE, 0, false))
        .rebalance()
        .transform("Slow", Types.LONG, new Counter(SLOW, slowNanos, true))
        .sinkTo(sink);
    return env.executeAsync("backpressure");
  }

  /** Runs the slow job until a checkpoint completed, cancels it, returns that checkpoint. */
  private Path firstCheckpointUnderBackpressure(boolean unaligned) throws Exception {
    return firstCheckpointUnderBackpressure(conf(unaligned));
  }

  private Path firstCheckpointUnderBackpressure(Configuration conf) throws Exception {
    CollectSink<Long> sink = new CollectSink<>();
    JobClient client = submit(conf, 2, 50_000, sink);
    Path jobDir = checkpoints.resolve(client.jobId());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Path first = null;
    while (first == null) {
      assertThat(System.nanoTime()).as("a checkpoint within 60 s").isLessThan(deadline);
      assertThat(client.status().isTerminal()).as("job ended before a checkpoint").isFalse();
      first = completedCheckpoints(jobDir).findFirst().orElse(null);
      Thread.sleep(5);
    }
    client.cancel().get(1, TimeUnit.MINUTES);
    sink.discard();
    return first;
  }

  private static Stream<Path> completedCheckpoints(Path jobDir) throws IOException {
    if (!Files.isDirectory(jobDir)) {
      return Stream.empty();
    }
    try (Stream<Path> dirs = Files.list(jobDir)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("chk-"))
          .filter(d -> Files.exists(d.resolve(CheckpointStorage.METADATA_FILE)))
          .sorted((a, b) -> Long.compare(idOf(a), idOf(b)))
          .toList()
          .stream();
    }
  }

  private static long idOf(Path checkpoint) {
    return Long.parseLong(checkpoint.getFileName().toString().substring(4));
  }

  /** The sum of one list state over every operator and subtask of a checkpoint. */
  private static long sumOf(CompletedCheckpoint checkpoint, String name) throws IOException {
    long sum = 0;
    for (OperatorState op : checkpoint.operators().values()) {
      for (OperatorSubtaskState s : op.subtasks().values()) {
        for (byte[] element : s.listStates().getOrDefault(name, List.of())) {
          sum += new DataInputDeserializer(element).readLong();
        }
      }
    }
    return sum;
  }

  /** Records in the in-flight data of a checkpoint. */
  static long inFlightRecords(CompletedCheckpoint checkpoint) throws IOException {
    long records = 0;
    for (byte[] element : inFlightElements(checkpoint)) {
      DataInputDeserializer in = new DataInputDeserializer(element);
      in.readInt(); // the edge
      while (in.available() > 0) {
        int length = in.readInt();
        byte kind = in.readByte();
        if (kind == ElementKind.RECORD || kind == ElementKind.TIMESTAMPED_RECORD) {
          records++;
        }
        in.skipBytes(length - 1);
      }
    }
    return records;
  }

  /** Bytes of in-flight data in the checkpoint in {@code directory}. */
  static long inFlightBytes(Path directory) throws IOException {
    return inFlightElements(CheckpointStorage.load(directory)).stream()
        .mapToLong(b -> b.length)
        .sum();
  }

  private static List<byte[]> inFlightElements(CompletedCheckpoint checkpoint) {
    return checkpoint.operators().values().stream()
        .flatMap(op -> op.subtasks().values().stream())
        .flatMap(s -> s.listStates().entrySet().stream())
        .filter(e -> e.getKey().startsWith(StateAssignment.IN_FLIGHT_STATE_PREFIX))
        .flatMap((Map.Entry<String, List<byte[]>> e) -> e.getValue().stream())
        .toList();
  }

  @Test
  void unalignedCheckpointKeepsTheBacklogItsBarriersOvertook() throws Exception {
    CompletedCheckpoint checkpoint =
        CheckpointStorage.load(firstCheckpointUnderBackpressure(true));

    long before = sumOf(checkpoint, BEFORE);
    long slow = sumOf(checkpoint, SLOW);
    long inFlight = inFlightRecords(checkpoint);
    // More than a buffer's worth (about 78 numbers) was still queued when the slow operator
    // snapshotted: its barrier did not wait for the backlog.
    assertThat(inFlight).isGreaterThan(100);
    assertThat(slow + inFlight).isEqualTo(before);
  }

  @Test
  void alignedCheckpointWaitsForTheBacklog() throws Exception {
    CompletedCheckpoint checkpoint =
        CheckpointStorage.load(firstCheckpointUnderBackpressure(false));

    assertThat(inFlightRecords(checkpoint)).isZero();
    assertThat(sumOf(checkpoint, SLOW)).isEqualTo(sumOf(checkpoint, BEFORE)).isPositive();
  }

  @Test
  void restoreReplaysTheInFlightRecordsSoEachIsCountedOnce() throws Exception {
    Path checkpoint = firstCheckpointUnderBackpressure(true);
    assertThat(inFlightBytes(checkpoint)).isPositive();

    Configuration conf = conf(true);
    conf.set(CheckpointingOptions.RECOVERY_PATH, checkpoint.toString());
    CollectSink<Long> sink = new CollectSink<>();
    submit(conf, 2, 0, sink).result().get(2, TimeUnit.MINUTES);

    assertThat(sink.results().stream().mapToLong(Long::longValue).sum()).isEqualTo(RECORDS);
    sink.discard();
  }

  @Test
  void restoreAtAnotherParallelismReplaysEachInFlightRecordOnce() throws Exception {
    Path checkpoint = firstCheckpointUnderBackpressure(true);
    assertThat(inFlightBytes(checkpoint)).isPositive();

    for (int parallelism : new int[] {3, 1}) {
      Configuration conf = conf(true);
      conf.set(CheckpointingOptions.RECOVERY_PATH, checkpoint.toString());
      CollectSink<Long> sink = new CollectSink<>();
      submit(conf, parallelism, 0, sink).result().get(2, TimeUnit.MINUTES);

      assertThat(sink.results().stream().mapToLong(Long::longValue).sum())
          .as("at parallelism %d", parallelism)
          .isEqualTo(RECORDS);
      sink.discard();
    }
  }

  @Test
  void checkpointStillAligningAfterTheAlignedCheckpointTimeoutTurnsUnaligned() throws Exception {
    Configuration conf = conf(true);
    conf.set(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT, Duration.ofMillis(1));
    Path path = firstCheckpointUnderBackpressure(conf);
    CompletedCheckpoint checkpoint = CheckpointStorage.load(path);

    // The slow operator read one channel's backlog up to its barrier, then, the checkpoint being
    // older than 1 ms, snapshotted without waiting for the other channel's.
    long inFlight = inFlightRecords(checkpoint);
    assertThat(inFlight).isPositive();
    assertThat(sumOf(checkpoint, SLOW) + inFlight).isEqualTo(sumOf(checkpoint, BEFORE));

    conf.set(CheckpointingOptions.RECOVERY_PATH, path.toString());
    CollectSink<Long> sink = new CollectSink<>();
    submit(conf, 2, 0, sink).result().get(2, TimeUnit.MINUTES);
    assertThat(sink.results().stream().mapToLong(Long::longValue).sum()).isEqualTo(RECORDS);
    sink.discard();
  }

  @Test
  void checkpointAlignedWithinTheAlignedCheckpointTimeoutStaysAligned() throws Exception {
    Configuration conf = conf(true);
    conf.set(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT, Duration.ofMinutes(10));
    CompletedCheckpoint checkpoint =
        CheckpointStorage.load(firstCheckpointUnderBackpressure(conf));

    assertThat(inFlightRecords(checkpoint)).isZero();
    assertThat(sumOf(checkpoint, SLOW)).isEqualTo(sumOf(checkpoint, BEFORE)).isPositive();
  }
}
