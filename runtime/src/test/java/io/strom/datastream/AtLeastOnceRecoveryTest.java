package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.FAILURES;
import static io.strom.datastream.RecoveryTestJob.await;
import static io.strom.datastream.RecoveryTestJob.expectedSums;
import static io.strom.datastream.RecoveryTestJob.lastPerKey;
import static io.strom.datastream.RecoveryTestJob.submit;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.CheckpointingOptions.CheckpointingMode;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.datastream.RecoveryTestJob.Chaos;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.cluster.JobExecutionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code execution.checkpointing.mode = AT_LEAST_ONCE}: barriers are not aligned, and after killed
 * tasks restore no record is lost (some may be counted twice).
 */
class AtLeastOnceRecoveryTest {
  @TempDir Path checkpoints;

  @Test
  void killedTasksLoseNoRecord() throws Exception {
    RecoveryTestJob.reset();
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(CheckpointingOptions.MODE, CheckpointingMode.AT_LEAST_ONCE);
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    conf.set(RestartStrategyOptions.TYPE, "fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 5);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(20));
    CollectSink<String> sink = new CollectSink<>();

    JobExecutionResult result =
        await(submit(conf, 2, 60_000, new Chaos(false, 15_000, 45_000), sink));

    assertThat(FAILURES.get()).isEqualTo(2);
    assertThat(result.metrics().get("job.numberOfCompletedCheckpoints")).isPositive();
    Map<Long, String> expected = expectedSums();
    Map<Long, String> actual = lastPerKey(sink);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    actual.forEach(
        (key, line) -> {
          String[] got = line.split(":");
          String[] want = expected.get(key).split(":");
          assertThat(Long.parseLong(got[1])).as("count of key %d", key)
              .isGreaterThanOrEqualTo(Long.parseLong(want[1]));
          assertThat(Long.parseLong(got[2])).as("sum of key %d", key)
              .isGreaterThanOrEqualTo(Long.parseLong(want[2]));
        });
    sink.discard();
  }
}
