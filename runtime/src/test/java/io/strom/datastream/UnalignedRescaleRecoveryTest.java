package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.FAILURES;
import static io.strom.datastream.RecoveryTestJob.KEYS;
import static io.strom.datastream.RecoveryTestJob.await;
import static io.strom.datastream.RecoveryTestJob.expectedSums;
import static io.strom.datastream.RecoveryTestJob.lastPerKey;
import static io.strom.datastream.RecoveryTestJob.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.MemorySize;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.configuration.StateBackendOptions;
import io.strom.configuration.TaskManagerOptions;
import io.strom.datastream.RecoveryTestJob.Chaos;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Restores unaligned checkpoints that hold records in flight to a keyed operator with that operator
 * at another parallelism, 1 to 2 and back to 1, killing tasks in between, and demands the keyed sums of a run
 * without failures. The keyed operator is slow, so its hash exchange is full when a checkpoint is
 * taken: each restored checkpoint is checked to really hold in-flight records, which the restore
 * must route to the new owners of their key groups. Runs once per state backend.
 */
@ParameterizedClass
@ValueSource(strings = {"hashmap", "rocksdb"})
class UnalignedRescaleRecoveryTest {
  /**
   * Parallelism of the sources, kept: a source subtask without a split would finish at once, and
   * no checkpoint completes after a task finished.
   */
  private static final int SOURCES = 2;

  /** Time the slow keyed operator spends on each number. */
  private static final long SLOW_NANOS = 20_000;

  @TempDir Path checkpoints;
  @TempDir Path rocksDbDirectories;

  private final String backend;

  UnalignedRescaleRecoveryTest(String backend) {
    this.backend = backend;
  }

  @BeforeEach
  void resetFailurePoints() {
    RecoveryTestJob.reset();
  }

  private Configuration conf() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(CheckpointingOptions.NUM_RETAINED, 100);
    conf.set(
        CheckpointingOptions.EXTERNALIZED_RETENTION,
        CheckpointingOptions.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    conf.set(CheckpointingOptions.UNALIGNED, true);
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    conf.set(StateBackendOptions.TYPE, backend);
    conf.set(StateBackendOptions.ROCKSDB_LOCAL_DIR, rocksDbDirectories.toString());
    // Small buffers, many of them: a long queue of numbers in front of the slow operator.
    conf.set(TaskManagerOptions.SEGMENT_SIZE, MemorySize.parse("1 kb"));
    conf.set(TaskManagerOptions.BUFFERS_PER_CHANNEL, 8);
    conf.set(TaskManagerOptions.FLOATING_BUFFERS, 16);
    conf.set(RestartStrategyOptions.TYPE, "fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 10);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(20));
    return conf;
  }

  private Configuration restoringFrom(Path checkpoint) {
    Configuration conf = conf();
    conf.set(CheckpointingOptions.RECOVERY_PATH, checkpoint.toString());
    return conf;
  }

  @Test
  void keyedSumsSurviveRescalingInFlightDataOneToTwoAndTwoToOne() throws Exception {
    // The keyed operator at parallelism 1 under backpressure, until a checkpoint holds
    // in-flight records.
    Path atOne = checkpointWithRecordsInFlight(conf(), 1, new Chaos(false), 0);

    // At 2 from it, killed twice (each restore at 2 replays in-flight data as it was taken), then
    // again until a later checkpoint holds in-flight records.
    Path atTwo = checkpointWithRecordsInFlight(restoringFrom(atOne), 2, new Chaos(false, 0, 0), 2);

    // At 1 from that, killed twice more, to the end.
    RecoveryTestJob.reset();
    CollectSink<String> sink = new CollectSink<>();
    JobExecutionResult result = await(
        submit(restoringFrom(atTwo), SOURCES, 100_000, new Chaos(false, 0, 0), sink, 1, 0));

    assertThat(FAILURES.get()).isEqualTo(2);
    // Both source subtasks may fail in one attempt: one restart or two.
    assertThat(result.metrics().get("job.numRestarts")).isIn(1L, 2L);
    assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
    assertThat(sink.results()).hasSize(KEYS);
    sink.discard();
    try (Stream<Path> left = Files.list(rocksDbDirectories)) {
      assertThat(left).as("RocksDB working directories left").isEmpty();
    }
  }

  /**
   * Runs the job with a slow keyed operator at {@code keyedParallelism} until it failed {@code
   * failures} times in all and then completed a checkpoint holding records in flight; cancels it
   * and returns that checkpoint.
   */
  private Path checkpointWithRecordsInFlight(
      Configuration conf, int keyedParallelism, Chaos chaos, int failures) throws Exception {
    CollectSink<String> sink = new CollectSink<>();
    JobClient client = submit(conf, SOURCES, 0, chaos, sink, keyedParallelism, SLOW_NANOS);
    Path jobDir = checkpoints.resolve(client.jobId());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long after = -1;
    Path found = null;
    while (found == null) {
      assertThat(System.nanoTime()).as("a checkpoint within 60 s").isLessThan(deadline);
      if (client.status().isTerminal()) {
        await(client);
        throw new AssertionError("the job ended before a checkpoint with records in flight");
      }
      if (after < 0 && FAILURES.get() >= failures) {
        // Only a checkpoint completed after the last failure counts.
        after = latestCheckpoint(jobDir).map(UnalignedRescaleRecoveryTest::idOf).orElse(0L);
      }
      Optional<Path> latest = latestCheckpoint(jobDir);
      if (after >= 0 && latest.isPresent() && idOf(latest.get()) > after
          && UnalignedCheckpointTest.inFlightBytes(latest.get()) > 0) {
        found = latest.get();
      }
      Thread.sleep(5);
    }
    client.cancel().get(1, TimeUnit.MINUTES);
    sink.discard();
    assertThat(FAILURES.get()).isEqualTo(failures);
    assertThat(UnalignedCheckpointTest.inFlightRecords(CheckpointStorage.load(found)))
        .as("records in flight in %s", found)
        .isPositive();
    return found;
  }

  private static Optional<Path> latestCheckpoint(Path jobDir) throws IOException {
    if (!Files.isDirectory(jobDir)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(jobDir)) {
      return dirs.filter(d -> d.getFileName().toString().startsWith("chk-"))
          .filter(d -> Files.exists(d.resolve(CheckpointStorage.METADATA_FILE)))
          .max(Comparator.comparingLong(UnalignedRescaleRecoveryTest::idOf));
    }
  }

  private static long idOf(Path checkpoint) {
    return Long.parseLong(checkpoint.getFileName().toString().substring(4));
  }
}
