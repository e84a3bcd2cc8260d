package io.strom.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Jimfs;
import io.strom.configuration.CheckpointingOptions.CheckpointingMode;
import io.strom.configuration.CheckpointingOptions.ExternalizedCheckpointRetention;
import io.strom.configuration.Configuration;
import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.metrics.MetricRegistry;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What checkpoint storage needs of a file system (create, rename atomically, list, delete), checked
 * before a job's first checkpoint: a file system that has it passes and keeps no trace of the
 * check; one without atomic renames is refused with the reason.
 */
class CheckpointStorageFileSystemTest {
  @TempDir Path tmp;

  @Test
  void fileSystemWithAtomicRenamesPassesAndKeepsNoProbe() throws Exception {
    try (FileSystem fs = Jimfs.newFileSystem(com.google.common.jimfs.Configuration.unix())) {
      Path base = fs.getPath("/checkpoints");
      new CheckpointStorage(base, "job-1").checkUsable();

      try (Stream<Path> left = Files.list(base)) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void fileSystemWithoutAtomicRenamesIsRefusedBeforeTheFirstCheckpoint() {
    Path base = new NoAtomicMoveFileSystem(FileSystems.getDefault()).wrap(tmp.resolve("chk"));

    assertThatThrownBy(() -> new CheckpointStorage(base, "job-1").checkUsable())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is on a file system without atomic renames")
        .hasMessageContaining("execution.checkpointing.dir");
    assertThat(tmp.resolve("chk")).isEmptyDirectory();

    ScheduledExecutorService jobThread = Executors.newSingleThreadScheduledExecutor();
    try {
      CheckpointConfig config =
          new CheckpointConfig(
              Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ZERO,
              CheckpointingMode.EXACTLY_ONCE, base, 1, null,
              ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS, 0, 1);
      JobGraph job = new JobGraph("job-1", "j", new Configuration(), 128, List.of(), List.of());
      CheckpointCoordinator coordinator =
          new CheckpointCoordinator(job, config, jobThread, new MetricRegistry().group("job"), 1);
      assertThatThrownBy(coordinator::checkStorage)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Checkpoints cannot be written to no-atomic-move://")
          .hasMessageContaining("without atomic renames");
    } finally {
      jobThread.shutdownNow();
    }
  }

  @Test
  void metadataIsNotWrittenWithoutAnAtomicRename() {
    Path base = new NoAtomicMoveFileSystem(FileSystems.getDefault()).wrap(tmp.resolve("chk"));
    CheckpointStorage storage = new CheckpointStorage(base, "job-1");
    CompletedCheckpoint checkpoint =
        new CompletedCheckpoint("job-1", 1, 0, storage.checkpointDirectory(1), 128, Map.of());

    assertThatThrownBy(() -> storage.writeMetadata(checkpoint))
        .hasMessageContaining("without atomic renames");
    assertThat(tmp.resolve("chk/job-1/chk-1").resolve(CheckpointStorage.METADATA_FILE))
        .doesNotExist();
  }
}
