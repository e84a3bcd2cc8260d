package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.await;
import static io.strom.datastream.RecoveryTestJob.awaitCompletedCheckpoints;
import static io.strom.datastream.RecoveryTestJob.expectedSums;
import static io.strom.datastream.RecoveryTestJob.lastPerKey;
import static io.strom.datastream.RecoveryTestJob.latestRetainedCheckpoint;
import static io.strom.datastream.RecoveryTestJob.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Jimfs;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.CheckpointingOptions.ExternalizedCheckpointRetention;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.StateBackendOptions;
import io.strom.datastream.RecoveryTestJob.Chaos;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobStatus;
import io.strom.util.StorageLocations;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints and savepoints on a file system other than the local disk, named by URI: an
 * in-memory java.nio file system stands for an object store's provider. Jobs write there, and new
 * jobs restore from there with the result of an uninterrupted run.
 */
class NonDefaultFileSystemCheckpointTest {
  @TempDir Path rocksDbDirectories;
  private FileSystem fs;
  private String root;

  @BeforeEach
  void openFileSystem() {
    RecoveryTestJob.reset();
    String name = "state-" + UUID.randomUUID();
    fs = Jimfs.newFileSystem(name, com.google.common.jimfs.Configuration.unix());
    root = "jimfs://" + name;
  }

  @AfterEach
  void closeFileSystem() throws Exception {
    fs.close();
  }

  private Configuration conf(String backend) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(50));
    conf.set(CheckpointingOptions.DIRECTORY, root + "/checkpoints");
    conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, root + "/savepoints");
    conf.set(CheckpointingOptions.INCREMENTAL, true);
    conf.set(
        CheckpointingOptions.EXTERNALIZED_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    conf.set(StateBackendOptions.TYPE, backend);
    conf.set(StateBackendOptions.ROCKSDB_LOCAL_DIR, rocksDbDirectories.toString());
    return conf;
  }

  @Test
  void incrementalCheckpointIsWrittenThereAndRestoredFromThere() throws Exception {
    CollectSink<String> firstSink = new CollectSink<>();
    JobClient first = submit(conf("rocksdb"), 2, 40_000, new Chaos(false), firstSink);
    awaitCompletedCheckpoints(first, 3);
    first.cancel().get(30, TimeUnit.SECONDS);
    firstSink.discard();

    Path checkpoint = latestRetainedCheckpoint(fs.getPath("/checkpoints"), first.jobId());
    assertThat(Files.exists(checkpoint.resolve(CheckpointStorage.METADATA_FILE))).isTrue();
    assertThat(Files.list(fs.getPath("/checkpoints", first.jobId(), "shared")))
        .as("incremental RocksDB files")
        .isNotEmpty();
    assertThat(Files.exists(Path.of("jimfs:"))).as("no local directory named after the scheme")
        .isFalse();

    Configuration resume = conf("rocksdb");
    resume.set(CheckpointingOptions.RECOVERY_PATH, StorageLocations.describe(checkpoint));
    CollectSink<String> sink = new CollectSink<>();
    await(submit(resume, 3, 0, new Chaos(false), sink));
    assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
    sink.discard();
  }

  @Test
  void savepointIsWrittenThereAndRestoredFromThere() throws Exception {
    CollectSink<String> firstSink = new CollectSink<>();
    JobClient first = submit(conf("hashmap"), 2, 40_000, new Chaos(false), firstSink);
    awaitCompletedCheckpoints(first, 1);

    String savepoint = first.stopWithSavepoint(null).get(30, TimeUnit.SECONDS);
    assertThat(first.status()).isEqualTo(JobStatus.FINISHED);
    firstSink.discard();
    assertThat(savepoint).startsWith(root + "/savepoints/savepoint-");
    Path onFs = StorageLocations.resolve(savepoint);
    assertThat(onFs.getFileSystem()).isSameAs(fs);
    assertThat(Files.exists(onFs.resolve(CheckpointStorage.METADATA_FILE))).isTrue();

    Configuration resume = conf("hashmap");
    resume.set(CheckpointingOptions.RECOVERY_PATH, savepoint);
    CollectSink<String> sink = new CollectSink<>();
    await(submit(resume, 3, 0, new Chaos(false), sink));
    assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
    sink.discard();
  }

  @Test
  void savepointToAnExplicitUriOnAnotherFileSystemThanTheCheckpoints() throws Exception {
    Configuration conf = conf("hashmap");
    conf.set(CheckpointingOptions.DIRECTORY, rocksDbDirectories.resolve("local-checkpoints")
        .toUri().toString());
    CollectSink<String> firstSink = new CollectSink<>();
    JobClient first = submit(conf, 2, 40_000, new Chaos(false), firstSink);
    awaitCompletedCheckpoints(first, 1);

    String savepoint = first.stopWithSavepoint(root + "/elsewhere").get(30, TimeUnit.SECONDS);
    firstSink.discard();
    assertThat(savepoint).startsWith(root + "/elsewhere/savepoint-");
    CheckpointStorage.load(StorageLocations.resolve(savepoint));

    Configuration resume = conf("hashmap");
    resume.set(CheckpointingOptions.RECOVERY_PATH, savepoint);
    CollectSink<String> sink = new CollectSink<>();
    await(submit(resume, 1, 0, new Chaos(false), sink));
    assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
    sink.discard();
  }
}
