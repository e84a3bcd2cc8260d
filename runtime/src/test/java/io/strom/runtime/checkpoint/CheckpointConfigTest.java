package io.strom.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.CheckpointingOptions.CheckpointingMode;
import io.strom.configuration.CheckpointingOptions.ExternalizedCheckpointRetention;
import io.strom.configuration.Configuration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CheckpointConfigTest {

  @Test
  void unsetOrZeroIntervalDisablesCheckpointing() {
    assertThat(CheckpointConfig.from(new Configuration()).enabled()).isFalse();
    Configuration zero = new Configuration();
    zero.setString(CheckpointingOptions.INTERVAL.key(), "0");
    assertThat(CheckpointConfig.from(zero).enabled()).isFalse();
  }

  @Test
  void readsFlinkKeys() {
    Configuration conf = new Configuration();
    conf.setString("execution.checkpointing.interval", "250 ms");
    conf.setString("execution.checkpointing.timeout", "30 s");
    conf.setString("execution.checkpointing.mode", "AT_LEAST_ONCE");
    conf.setString("execution.checkpointing.dir", "/tmp/strom-checkpoints");
    conf.setString("execution.checkpointing.num-retained", "3");
    CheckpointConfig config = CheckpointConfig.from(conf);
    assertThat(config.interval()).isEqualTo(Duration.ofMillis(250));
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.mode()).isEqualTo(CheckpointingOptions.CheckpointingMode.AT_LEAST_ONCE);
    assertThat(config.numRetained()).isEqualTo(3);
  }

  @Test
  void acceptsSeveralConcurrentAlignedCheckpoints() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
    conf.set(CheckpointingOptions.DIRECTORY, "/tmp/x");
    assertThat(CheckpointConfig.from(conf).maxConcurrent()).as("the default").isEqualTo(1);
    conf.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, 3);
    assertThat(CheckpointConfig.from(conf).maxConcurrent()).isEqualTo(3);
    conf.setString("execution.checkpointing.mode", "AT_LEAST_ONCE");
    assertThat(CheckpointConfig.from(conf).maxConcurrent()).isEqualTo(3);
  }

  @Test
  void unalignedCheckpointsRunOneAtATime() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
    conf.set(CheckpointingOptions.DIRECTORY, "/tmp/x");
    conf.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, 2);
    conf.setString("execution.checkpointing.unaligned", "true");
    assertThat(CheckpointConfig.from(conf).maxConcurrent()).isEqualTo(1);
  }

  @Test
  void rejectsFewerThanOneConcurrentCheckpoint() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
    conf.set(CheckpointingOptions.DIRECTORY, "/tmp/x");
    conf.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, 0);
    assertThatThrownBy(() -> CheckpointConfig.from(conf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("execution.checkpointing.max-concurrent-checkpoints must be at least 1, was 0");
  }

  @Test
  void acceptsUnalignedCheckpointsWithExactlyOnce() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
    conf.set(CheckpointingOptions.DIRECTORY, "/tmp/x");
    conf.setString("execution.checkpointing.unaligned", "true");
    assertThat(CheckpointConfig.from(conf).mode()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
  }

  @Test
  void refusesUnalignedCheckpointsWithAtLeastOnce() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
    conf.set(CheckpointingOptions.DIRECTORY, "/tmp/x");
    conf.setString("execution.checkpointing.unaligned", "true");
    conf.setString("execution.checkpointing.mode", "AT_LEAST_ONCE");
    assertThatThrownBy(() -> CheckpointConfig.from(conf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("execution.checkpointing.unaligned = true needs")
        .hasMessageContaining("EXACTLY_ONCE, but it is AT_LEAST_ONCE");
  }

  @Test
  void acceptsAnAlignedCheckpointTimeoutAndRefusesANegativeOne() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
    conf.set(CheckpointingOptions.DIRECTORY, "/tmp/x");
    conf.setString("execution.checkpointing.unaligned", "true");
    conf.set(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT, Duration.ofSeconds(30));
    assertThat(CheckpointConfig.from(conf).enabled()).isTrue();
    assertThat(CheckpointConfig.alignedCheckpointTimeout(conf)).isEqualTo(Duration.ofSeconds(30));

    conf.setString(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT.key(), "PT-30S");
    assertThatThrownBy(() -> CheckpointConfig.from(conf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("aligned-checkpoint-timeout must not be negative, was -30000 ms");
  }

  @Test
  void alignedCheckpointTimeoutMattersOnlyWithUnalignedCheckpoints() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.ALIGNED_CHECKPOINT_TIMEOUT, Duration.ofSeconds(30));
    assertThat(CheckpointConfig.alignedCheckpointTimeout(conf)).isZero();
  }

  @Test
  void readsTheRetentionOfExternalizedCheckpoints() {
    Configuration conf = new Configuration();
    assertThat(CheckpointConfig.from(conf).retention())
        .isEqualTo(ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS);
    conf.setString(
        "execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
    assertThat(CheckpointConfig.from(conf).retention())
        .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
  }

  @Test
  void savepointDirectoryAloneLetsAJobTakeSavepoints() {
    Configuration conf = new Configuration();
    conf.setString("state.savepoints.dir", "/tmp/savepoints");
    CheckpointConfig config = CheckpointConfig.from(conf);
    assertThat(config.enabled()).isFalse();
    assertThat(config.canSnapshot()).isTrue();
    assertThat(config.savepointDirectory()).isEqualTo(java.nio.file.Path.of("/tmp/savepoints"));
  }

  @Test
  void enabledCheckpointingNeedsADirectory() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
    assertThatThrownBy(() -> CheckpointConfig.from(conf))
        .hasMessageContaining("set execution.checkpointing.dir");
  }

  @Test
  void toleratesNoFailedCheckpointUnlessSetAndRefusesANegativeTolerance() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
    conf.set(CheckpointingOptions.DIRECTORY, "/tmp/x");
    assertThat(CheckpointConfig.from(conf).tolerableFailures()).isZero();
    conf.setString("execution.checkpointing.tolerable-failed-checkpoints", "3");
    assertThat(CheckpointConfig.from(conf).tolerableFailures()).isEqualTo(3);
    conf.setString("execution.checkpointing.tolerable-failed-checkpoints", "-1");
    assertThatThrownBy(() -> CheckpointConfig.from(conf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("execution.checkpointing.tolerable-failed-checkpoints must not be"
            + " negative, was -1");
  }

  @Test
  void directoriesMayBeFileUris() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
    conf.setString("execution.checkpointing.dir", "file:///tmp/strom-checkpoints");
    conf.setString("execution.checkpointing.savepoint-dir", "file:/tmp/strom-savepoints");
    CheckpointConfig config = CheckpointConfig.from(conf);
    assertThat(config.directory()).isEqualTo(java.nio.file.Path.of("/tmp/strom-checkpoints"));
    assertThat(config.savepointDirectory())
        .isEqualTo(java.nio.file.Path.of("/tmp/strom-savepoints"));
  }

  @Test
  void directoryOfAnUnknownSchemeIsRefusedNamingTheKey() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
    conf.setString("execution.checkpointing.dir", "nosuchfs://bucket/checkpoints");
    assertThatThrownBy(() -> CheckpointConfig.from(conf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("execution.checkpointing.dir")
        .hasMessageContaining("No file system for the scheme 'nosuchfs'");
  }
}
