package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.FAILURES;
import static io.strom.datastream.RecoveryTestJob.FIRED;
import static io.strom.datastream.RecoveryTestJob.KEYS;
import static io.strom.datastream.RecoveryTestJob.await;
import static io.strom.datastream.RecoveryTestJob.awaitStatus;
import static io.strom.datastream.RecoveryTestJob.expectedSums;
import static io.strom.datastream.RecoveryTestJob.lastPerKey;
import static io.strom.datastream.RecoveryTestJob.latestRetainedCheckpoint;
import static io.strom.datastream.RecoveryTestJob.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.configuration.StateBackendOptions;
import io.strom.datastream.RecoveryTestJob.Chaos;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionException;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.cluster.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills tasks of a running job at chosen points and proves that keyed state ends exactly as in a
 * run without failures: no record lost, none counted twice. Also restores a retained checkpoint at
 * another parallelism (and into the other state backend), and rejects a damaged one with a
 * readable message. Runs once per state backend, with aligned and with unaligned checkpoints.
 */
@ParameterizedClass
@MethodSource("settings")
class ExactlyOnceRecoveryTest {
  @TempDir Path checkpoints;
  @TempDir Path rocksDbDirectories;

  private final String backend;
  private final boolean unaligned;

  ExactlyOnceRecoveryTest(String backend, boolean unaligned) {
    this.backend = backend;
    this.unaligned = unaligned;
  }

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of("hashmap", false),
        Arguments.of("rocksdb", false),
        Arguments.of("hashmap", true),
        Arguments.of("rocksdb", true));
  }

  @BeforeEach
  void resetFailurePoints() {
    RecoveryTestJob.reset();
  }

  private Configuration checkpointing() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    // Keep the checkpoints of a failed run, to restore them.
    conf.set(
        CheckpointingOptions.EXTERNALIZED_RETENTION,
        CheckpointingOptions.ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    conf.set(StateBackendOptions.TYPE, backend);
    conf.set(StateBackendOptions.ROCKSDB_LOCAL_DIR, rocksDbDirectories.toString());
    conf.set(CheckpointingOptions.UNALIGNED, unaligned);
    return conf;
  }

  /** Every task closed its keyed state: no RocksDB working directory is left behind. */
  private void assertNoWorkingDirectoriesLeft() throws IOException {
    try (Stream<Path> left = Files.list(rocksDbDirectories)) {
      assertThat(left).isEmpty();
    }
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
    return latestRetainedCheckpoint(checkpoints, client.jobId());
  }

  @Test
  void retainedCheckpointRestoresAtAnotherParallelismWithTheSameResult() throws Exception {
    Path checkpoint = retainedCheckpointOfAFailedRun();

    // An unaligned checkpoint may hold in-flight data; it is redistributed to the new subtasks.
    int[] parallelisms = {3, 1};
    for (int parallelism : parallelisms) {
      Configuration conf = checkpointing();
      conf.set(CheckpointingOptions.RECOVERY_PATH, checkpoint.toString());
      if (parallelism == parallelisms[1]) {
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
