package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.await;
import static io.strom.datastream.RecoveryTestJob.expectedSums;
import static io.strom.datastream.RecoveryTestJob.lastPerKey;
import static io.strom.datastream.RecoveryTestJob.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.StateBackendOptions;
import io.strom.datastream.RecoveryTestJob.Chaos;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.checkpoint.CompletedCheckpoint;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Savepoints: taken from a running job (also one with incremental RocksDB checkpoints) in the
 * portable format, they stop the job when asked, and a new job started from one finishes with the
 * result of an uninterrupted run, with another backend and parallelism.
 */
class SavepointTest {
  @TempDir Path checkpoints;
  @TempDir Path savepoints;
  @TempDir Path rocksDbDirectories;

  @BeforeEach
  void resetFailurePoints() {
    RecoveryTestJob.reset();
  }

  private Configuration conf(String backend) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(CheckpointingOptions.INCREMENTAL, true);
    conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepoints.toString());
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    conf.set(StateBackendOptions.TYPE, backend);
    conf.set(StateBackendOptions.ROCKSDB_LOCAL_DIR, rocksDbDirectories.toString());
    return conf;
  }

  @Test
  void stopWithSavepointThenResumeElsewhereGivesTheUninterruptedResult() throws Exception {
    CollectSink<String> firstSink = new CollectSink<>();
    JobClient first = submit(conf("rocksdb"), 2, 40_000, new Chaos(false), firstSink);
    awaitCheckpoints(first, 2);

    String running = first.triggerSavepoint(null).get(30, TimeUnit.SECONDS);
    assertThat(first.status()).isEqualTo(JobStatus.RUNNING);
    String stopped = first.stopWithSavepoint(null).get(30, TimeUnit.SECONDS);

    assertThat(first.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(firstSink.results()).as("stopped before its input ended").isEmpty();
    firstSink.discard();
    for (String path : new String[] {running, stopped}) {
      Path savepoint = Path.of(path);
      assertThat(savepoint.getParent()).isEqualTo(savepoints.toAbsolutePath());
      assertThat(savepoint.getFileName().toString()).startsWith("savepoint-");
      CompletedCheckpoint loaded = CheckpointStorage.load(savepoint);
      assertThat(loaded.hasNativeState()).as("savepoints are portable").isFalse();
    }

    Configuration resume = conf("hashmap");
    resume.set(CheckpointingOptions.RECOVERY_PATH, stopped);
    CollectSink<String> sink = new CollectSink<>();
    await(submit(resume, 3, 0, new Chaos(false), sink));
    assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
    assertThat(sink.results()).hasSize(RecoveryTestJob.KEYS);
    sink.discard();
  }

  @Test
  void savepointWithoutADirectoryFailsNamingTheSetting() throws Exception {
    Configuration conf = conf("hashmap");
    conf.remove(CheckpointingOptions.SAVEPOINT_DIRECTORY.key());
    CollectSink<String> sink = new CollectSink<>();
    JobClient job = submit(conf, 1, 20_000, new Chaos(false), sink);
    try {
      assertThatThrownBy(() -> job.triggerSavepoint(null).get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasMessageContaining("execution.checkpointing.savepoint-dir");
    } finally {
      job.cancel().get(30, TimeUnit.SECONDS);
      sink.discard();
    }
    try (var left = Files.list(savepoints)) {
      assertThat(left).isEmpty();
    }
  }

  private static void awaitCheckpoints(JobClient job, long count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (job.metrics().getOrDefault("job.numberOfCompletedCheckpoints", 0L) < count) {
      assertThat(System.nanoTime()).as("%d checkpoints within 30 s", count).isLessThan(deadline);
      assertThat(job.status().isTerminal()).as("job ended first").isFalse();
      Thread.sleep(5);
    }
  }
}
