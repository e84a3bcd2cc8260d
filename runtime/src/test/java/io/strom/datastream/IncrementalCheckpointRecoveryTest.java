package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.FAILURES;
import static io.strom.datastream.RecoveryTestJob.await;
import static io.strom.datastream.RecoveryTestJob.expectedSums;
import static io.strom.datastream.RecoveryTestJob.lastPerKey;
import static io.strom.datastream.RecoveryTestJob.latestRetainedCheckpoint;
import static io.strom.datastream.RecoveryTestJob.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.CheckpointingOptions.ExternalizedCheckpointRetention;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.configuration.StateBackendOptions;
import io.strom.datastream.RecoveryTestJob.Chaos;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.checkpoint.CompletedCheckpoint;
import io.strom.runtime.checkpoint.OperatorState;
import io.strom.runtime.checkpoint.OperatorSubtaskState;
import io.strom.runtime.checkpoint.StateFile;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionException;
import io.strom.runtime.cluster.JobExecutionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure injection with incremental RocksDB checkpoints: killed tasks restore from RocksDB's own
 * files and the result equals a run without failures; shared files are exactly those the retained
 * checkpoints reference; a checkpoint restores at another parallelism; a damaged or missing shared
 * file fails the restore, naming it.
 */
class IncrementalCheckpointRecoveryTest {
  @TempDir Path checkpoints;
  @TempDir Path rocksDbDirectories;

  @BeforeEach
  void resetFailurePoints() {
    RecoveryTestJob.reset();
  }

  private Configuration incremental() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(CheckpointingOptions.INCREMENTAL, true);
    conf.set(CheckpointingOptions.NUM_RETAINED, 2);
    conf.set(CheckpointingOptions.EXTERNALIZED_RETENTION, ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    conf.set(StateBackendOptions.TYPE, "rocksdb");
    conf.set(StateBackendOptions.ROCKSDB_LOCAL_DIR, rocksDbDirectories.toString());
    return conf;
  }

  @Test
  void keyedSumsEqualAFailureFreeRunAndNoFileIsLeftWhenTheJobFinishes() throws Exception {
    Configuration conf = incremental();
    conf.set(RestartStrategyOptions.TYPE, "fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 10);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(20));
    CollectSink<String> sink = new CollectSink<>();

    JobClient client = submit(conf, 2, 60_000, new Chaos(true, 10_000, 30_000, 50_000), sink);
    JobExecutionResult result = await(client);

    assertThat(FAILURES.get()).isEqualTo(4);
    assertThat(result.metrics().get("job.numRestarts")).isEqualTo(4L);
    assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
    sink.discard();

    assertThat(result.metrics().get("job.numberOfCompletedCheckpoints")).isPositive();
    // A finished job's checkpoints go, shared files included: none was leaked.
    assertThat(checkpoints.resolve(client.jobId())).doesNotExist();
    try (Stream<Path> left = Files.list(rocksDbDirectories)) {
      assertThat(left).as("local RocksDB directories and snapshots").isEmpty();
    }
  }

  private static Set<String> sharedFiles(CompletedCheckpoint checkpoint) {
    Set<String> paths = new HashSet<>();
    for (OperatorState op : checkpoint.operators().values()) {
      for (OperatorSubtaskState s : op.subtasks().values()) {
        if (s.keyed() != null && s.keyed().nativeState() != null) {
          paths.addAll(
              s.keyed().nativeState().files().stream()
                  .filter(StateFile::isShared)
                  .map(StateFile::path)
                  .collect(Collectors.toSet()));
        }
      }
    }
    return paths;
  }

  /** Runs the job until a failure without restarts ends it; returns its latest checkpoint. */
  private Path retainedCheckpointOfAFailedRun() throws Exception {
    Configuration conf = incremental();
    conf.set(RestartStrategyOptions.TYPE, "none");
    CollectSink<String> sink = new CollectSink<>();
    JobClient client = submit(conf, 2, 60_000, new Chaos(false, 30_000), sink);
    assertThatThrownBy(() -> await(client)).hasCauseInstanceOf(JobExecutionException.class);
    sink.discard();
    return latestRetainedCheckpoint(checkpoints, client.jobId());
  }

  @Test
  void canceledJobKeepsItsCheckpointsWhenAskedAndOnlyFilesTheyReference() throws Exception {
    Configuration conf = incremental();
    conf.set(
        CheckpointingOptions.EXTERNALIZED_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    CollectSink<String> sink = new CollectSink<>();
    JobClient kept = submit(conf, 2, 20_000, new Chaos(false), sink);
    awaitCompletedCheckpoints(kept, 3);
    kept.cancel().get(30, TimeUnit.SECONDS);

    Path jobDirectory = checkpoints.resolve(kept.jobId());
    Set<String> referenced = new HashSet<>();
    try (Stream<Path> dirs = Files.list(jobDirectory)) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("chk-")).toList()) {
        referenced.addAll(sharedFiles(CheckpointStorage.load(dir)));
      }
    }
    assertThat(referenced).isNotEmpty();
    try (Stream<Path> shared = Files.list(jobDirectory.resolve(StateFile.SHARED_FOLDER))) {
      assertThat(shared.map(p -> StateFile.SHARED_FOLDER + "/" + p.getFileName()))
          .as("shared files after the job was canceled")
          .containsExactlyInAnyOrderElementsOf(referenced);
    }

    conf.set(
        CheckpointingOptions.EXTERNALIZED_RETENTION,
        ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);
    JobClient deleted = submit(conf, 2, 20_000, new Chaos(false), sink);
    awaitCompletedCheckpoints(deleted, 2);
    deleted.cancel().get(30, TimeUnit.SECONDS);
    assertThat(checkpoints.resolve(deleted.jobId())).doesNotExist();
    sink.discard();
  }

  private static void awaitCompletedCheckpoints(JobClient job, long count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (job.metrics().getOrDefault("job.numberOfCompletedCheckpoints", 0L) < count) {
      assertThat(System.nanoTime()).as("%d checkpoints within 30 s", count).isLessThan(deadline);
      assertThat(job.status().isTerminal()).as("job ended first").isFalse();
      Thread.sleep(5);
    }
  }

  @Test
  void incrementalCheckpointRestoresAtAnotherParallelismButOnlyIntoRocksDb() throws Exception {
    Path checkpoint = retainedCheckpointOfAFailedRun();
    assertThat(CheckpointStorage.load(checkpoint).hasNativeState()).isTrue();

    Configuration conf = incremental();
    conf.set(CheckpointingOptions.RECOVERY_PATH, checkpoint.toString());
    CollectSink<String> sink = new CollectSink<>();
    await(submit(conf, 3, 0, new Chaos(false), sink));
    assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
    assertThat(sink.results()).hasSize(RecoveryTestJob.KEYS);
    sink.discard();

    conf.set(StateBackendOptions.TYPE, "hashmap");
    assertThatThrownBy(() -> submit(conf, 2, 0, new Chaos(false), new CollectSink<>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is an incremental checkpoint of the rocksdb state backend")
        .hasMessageContaining("state.backend.type = 'hashmap'");
  }

  @Test
  void damagedOrMissingSharedFileFailsTheRestoreNamingIt() throws Exception {
    Path checkpoint = retainedCheckpointOfAFailedRun();
    String table = sharedFiles(CheckpointStorage.load(checkpoint)).iterator().next();
    Path file = checkpoint.getParent().resolve(table);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(file, bytes);
    String name = checkpoint.getFileName().toString();
    String job = checkpoint.getParent().getFileName().toString();

    Configuration conf = incremental();
    conf.set(CheckpointingOptions.RECOVERY_PATH, checkpoint.toString());
    assertThatThrownBy(() -> submit(conf, 2, 0, new Chaos(false), new CollectSink<>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Checkpoint " + name + " of job " + job + " is unreadable: file ")
        .hasMessageContaining(table + " is corrupt");

    Files.delete(file);
    assertThatThrownBy(() -> submit(conf, 2, 0, new Chaos(false), new CollectSink<>()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Checkpoint " + name + " of job " + job + " is unreadable: file ")
        .hasMessageContaining(table + " is missing");
  }

}
