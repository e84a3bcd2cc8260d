package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RuntimeContext;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.configuration.StateBackendOptions;
import io.strom.datastream.functions.KeyedProcessFunction;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionException;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.cluster.JobStatus;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.SnapshotContext;
import io.strom.runtime.source.lib.GeneratorSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills tasks of a running job at chosen points and proves that keyed state ends exactly as in a
 * run without failures: no record lost, none counted twice. Also restores a retained checkpoint at
 * another parallelism (and into the other state backend), and rejects a damaged one with a
 * readable message. Runs once per state backend.
 */
@ParameterizedClass
@ValueSource(strings = {"hashmap", "rocksdb"})
class ExactlyOnceRecoveryTest {
  private static final long RECORDS = 200_000;
  private static final long PER_SPLIT = RECORDS / 2;
  private static final int KEYS = 100;

  /** Indexes of the failure points that fired; shared by all copies of the operator. */
  private static final Set<Integer> FIRED = ConcurrentHashMap.newKeySet();

  private static final AtomicInteger FAILURES = new AtomicInteger();

  @TempDir Path checkpoints;
  @TempDir Path rocksDbDirectories;

  private final String backend;

  ExactlyOnceRecoveryTest(String backend) {
    this.backend = backend;
  }

  @BeforeEach
  void resetFailurePoints() {
    FIRED.clear();
    FAILURES.set(0);
  }

  /**
   * Passes numbers through, and fails its task once per failure point: at the first number whose
   * position in its split reaches the point's threshold, once a checkpoint completed in the
   * current run (so each restart makes progress). Optionally also fails once inside a snapshot
   * after the third failure: while that checkpoint is in flight.
   */
  static final class Chaos extends AbstractOperator<Long> implements OneInputOperator<Long, Long> {
    private static final long serialVersionUID = 1L;
    private static final int IN_SNAPSHOT = -1;

    private final long[] thresholds;
    private final boolean failInSnapshot;
    private transient boolean checkpointCompleted;

    Chaos(boolean failInSnapshot, long... thresholds) {
      this.thresholds = thresholds;
      this.failInSnapshot = failInSnapshot;
    }

    @Override
    public void processElement(Long x, long timestamp) {
      if (checkpointCompleted) {
        for (int i = 0; i < thresholds.length; i++) {
          if (x % PER_SPLIT >= thresholds[i] && FIRED.add(i)) {
            FAILURES.incrementAndGet();
            throw new IllegalStateException("injected failure " + i + " at " + x);
          }
        }
      }
      output.collect(x, timestamp);
    }

    @Override
    public void snapshotState(SnapshotContext context) {
      if (failInSnapshot && FAILURES.get() >= 3 && FIRED.add(IN_SNAPSHOT)) {
        FAILURES.incrementAndGet();
        throw new IllegalStateException(
            "injected failure in checkpoint " + context.checkpointId());
      }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointCompleted = true;
    }
  }

  /** Counts and sums the numbers of each key; reports them when the input ends. */
  static final class SumPerKey extends KeyedProcessFunction<Long, Long, String> {
    private transient ValueState<Long> count;
    private transient ValueState<Long> sum;

    @Override
    public void open(RuntimeContext context) {
      count = context.getState(new ValueStateDescriptor<>("count", Types.LONG));
      sum = context.getState(new ValueStateDescriptor<>("sum", Types.LONG));
    }

    @Override
    public void processElement(Long x, Context ctx, Collector<String> out) {
      count.update(count.value() == null ? 1 : count.value() + 1);
      sum.update(sum.value() == null ? x : sum.value() + x);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + ":" + count.value() + ":" + sum.value());
    }
  }

  private static Map<Long, String> expectedSums() {
    Map<Long, String> expected = new HashMap<>();
    for (long k = 0; k < KEYS; k++) {
      long count = 0;
      long sum = 0;
      for (long x = k; x < RECORDS; x += KEYS) {
        count++;
        sum += x;
      }
      expected.put(k, k + ":" + count + ":" + sum);
    }
    return expected;
  }

  private Configuration checkpointing() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    conf.set(StateBackendOptions.TYPE, backend);
    conf.set(StateBackendOptions.ROCKSDB_LOCAL_DIR, rocksDbDirectories.toString());
    return conf;
  }

  /** Every task closed its keyed state: no RocksDB working directory is left behind. */
  private void assertNoWorkingDirectoriesLeft() throws IOException {
    try (Stream<Path> left = Files.list(rocksDbDirectories)) {
      assertThat(left).isEmpty();
    }
  }

  private static JobClient submit(
      Configuration conf, int parallelism, double rate, Chaos chaos, CollectSink<String> sink)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.getConfiguration().addAll(conf);
    env.fromSource(
            new GeneratorSource<>(i -> i, RECORDS, rate),
            WatermarkStrategy.noWatermarks(),
            "Numbers",
            Types.LONG)
        .transform("Chaos", Types.LONG, chaos)
        .keyBy(x -> x % KEYS)
        .process(new SumPerKey())
        .sinkTo(sink);
    return env.executeAsync("sums");
  }

  /** The last reported result of each key (a restart may report again). */
  private static Map<Long, String> lastPerKey(CollectSink<String> sink) {
    Map<Long, String> last = new HashMap<>();
    for (String line : sink.results()) {
      last.put(Long.parseLong(line.substring(0, line.indexOf(':'))), line);
    }
    return last;
  }

  private static JobExecutionResult await(JobClient client) throws Exception {
    return client.result().get(2, TimeUnit.MINUTES);
  }

  @Test
  void keyedSumsEqualAFailureFreeRunDespiteSixKilledTasks() throws Exception {
    Configuration conf = checkpointing();
    conf.set(RestartStrategyOptions.TYPE, "fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 10);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(20));
    CollectSink<String> sink = new CollectSink<>();
    Chaos chaos = new Chaos(true, 8_000, 20_000, 32_000, 44_000, 56_000);

    JobClient client = submit(conf, 2, 60_000, chaos, sink);
    if (backend.equals("rocksdb")) {
      awaitRocksDbWorkingDirectory(client);
    }
    JobExecutionResult result = await(client);

    assertThat(FAILURES.get()).isEqualTo(6);
    assertThat(FIRED).contains(Chaos.IN_SNAPSHOT);
    assertThat(result.metrics().get("job.numRestarts")).isEqualTo(6L);
    assertThat(result.metrics().get("job.numberOfCompletedCheckpoints")).isPositive();
    assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
    assertNoWorkingDirectoriesLeft();
    sink.discard();
  }

  @Test
  void failureAfterTheLastAllowedRestartFailsTheJobWithTheOperatorAndCause() throws Exception {
    Configuration conf = checkpointing();
    conf.set(RestartStrategyOptions.TYPE, "fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 1);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(300));
    CollectSink<String> sink = new CollectSink<>();
    JobClient client = submit(conf, 2, 60_000, new Chaos(false, 5_000, 15_000), sink);

    awaitStatus(client, JobStatus.RESTARTING);
    assertThatThrownBy(() -> await(client))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("operator 'Chaos'")
        .hasMessageContaining("injected failure 1")
        .hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(client.status()).isEqualTo(JobStatus.FAILED);
    sink.discard();
  }

  private static void awaitStatus(JobClient client, JobStatus wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (client.status() != wanted) {
      assertThat(System.nanoTime()).as("status %s within 30 s", wanted).isLessThan(deadline);
      assertThat(client.status().isTerminal()).as("job ended before %s", wanted).isFalse();
      Thread.sleep(2);
    }
  }

  /** Waits until the keyed tasks opened RocksDB in the configured local directory. */
  private void awaitRocksDbWorkingDirectory(JobClient client)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try (Stream<Path> dirs = Files.list(rocksDbDirectories)) {
        if (dirs.anyMatch(d -> d.getFileName().toString().startsWith("strom-rocksdb-"))) {
          return;
        }
      }
      assertThat(System.nanoTime()).as("a RocksDB directory within 30 s").isLessThan(deadline);
      assertThat(client.status().isTerminal()).as("job ended before opening RocksDB").isFalse();
      Thread.sleep(2);
    }
  }

  /** Runs the job until a failure without restarts ends it; returns its latest checkpoint. */
  private Path retainedCheckpointOfAFailedRun() throws Exception {
    Configuration conf = checkpointing();
    conf.set(RestartStrategyOptions.TYPE, "none");
    CollectSink<String> sink = new CollectSink<>();
    JobClient client = submit(conf, 2, 60_000, new Chaos(false, 30_000), sink);
    assertThatThrownBy(() -> await(client)).hasCauseInstanceOf(JobExecutionException.class);
    sink.discard();
    try (Stream<Path> dirs = Files.list(checkpoints.resolve(client.jobId()))) {
      return dirs.filter(d -> Files.exists(d.resolve(CheckpointStorage.METADATA_FILE)))
          .max(Comparator.comparingLong(d -> Long.parseLong(d.getFileName().toString().substring(4))))
          .orElseThrow(() -> new AssertionError("no completed checkpoint was retained"));
    }
  }

  @Test
  void retainedCheckpointRestoresAtAnotherParallelismWithTheSameResult() throws Exception {
    Path checkpoint = retainedCheckpointOfAFailedRun();

    for (int parallelism : new int[] {3, 1}) {
      Configuration conf = checkpointing();
      conf.set(CheckpointingOptions.RECOVERY_PATH, checkpoint.toString());
      if (parallelism == 1) {
        // A full checkpoint is the same for every backend: restore into the other one.
        conf.set(StateBackendOptions.TYPE, backend.equals("rocksdb") ? "hashmap" : "rocksdb");
      }
      CollectSink<String> sink = new CollectSink<>();
      await(submit(conf, parallelism, 0, new Chaos(false), sink));
      assertThat(lastPerKey(sink)).as("at parallelism %d", parallelism).isEqualTo(expectedSums());
      assertThat(sink.results()).hasSize(KEYS);
      sink.discard();
    }
    assertNoWorkingDirectoriesLeft();
  }

  @Test
  void damagedCheckpointFailsTheRestoreWithAReadableMessage() throws Exception {
    Path checkpoint = retainedCheckpointOfAFailedRun();
    Path stateFile;
    try (Stream<Path> files = Files.list(checkpoint)) {
      stateFile =
          files.filter(f -> f.getFileName().toString().endsWith(".state"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no state file"));
    }
    byte[] bytes = Files.readAllBytes(stateFile);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(stateFile, bytes);
    String name = checkpoint.getFileName().toString();
    String job = checkpoint.getParent().getFileName().toString();

    Configuration conf = checkpointing();
    conf.set(CheckpointingOptions.RECOVERY_PATH, checkpoint.toString());
    assertThatThrownBy(() -> submit(conf, 2, 0, new Chaos(false), new CollectSink<>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Checkpoint " + name + " of job " + job + " is unreadable: file ")
        .hasMessageContaining("is corrupt");

    Files.delete(stateFile);
    assertThatThrownBy(() -> submit(conf, 2, 0, new Chaos(false), new CollectSink<>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Checkpoint " + name + " of job " + job + " is unreadable: file ")
        .hasMessageContaining(stateFile.getFileName() + " is missing");
  }

  @Test
  void corruptMetadataIsReportedAsSuch() throws IOException {
    Path chk = checkpoints.resolve("some-job").resolve("chk-7");
    Files.createDirectories(chk);
    Files.write(chk.resolve(CheckpointStorage.METADATA_FILE), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14});
    assertThatThrownBy(() -> CheckpointStorage.load(chk))
        .hasMessageStartingWith("Checkpoint chk-7 of job some-job is unreadable: file ")
        .hasMessageContaining("_metadata is unreadable");
  }

  @Test
  void unknownStateBackendFailsTheSubmissionNamingTheKnownOnes() {
    Configuration conf = checkpointing();
    conf.set(StateBackendOptions.TYPE, "memory");
    assertThatThrownBy(() -> submit(conf, 1, 0, new Chaos(false), new CollectSink<>()))
        .hasMessageContaining("Unknown state.backend.type 'memory'")
        .hasMessageContaining("'hashmap'")
        .hasMessageContaining("'rocksdb'");
  }
}
