package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.await;
import static io.strom.datastream.RecoveryTestJob.awaitCompletedCheckpoints;
import static io.strom.datastream.RecoveryTestJob.expectedSums;
import static io.strom.datastream.RecoveryTestJob.lastPerKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.PipelineOptions;
import io.strom.datastream.RecoveryTestJob.SumPerKey;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobStatus;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.SnapshotContext;
import io.strom.runtime.source.lib.GeneratorSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint that cannot complete within execution.checkpointing.timeout: an operator holds its
 * snapshot of the first checkpoint until the job counts that checkpoint as failed. The checkpoint
 * is aborted without failing the job, the next ones complete, and the job's result is that of a
 * run without the stall.
 */
class CheckpointTimeoutTest {
  /** Opened by the test once the stalled checkpoint was counted as failed. */
  private static volatile CountDownLatch release;

  @TempDir Path checkpoints;

  /** Passes numbers through; its snapshot of checkpoint 1 waits for {@link #release}. */
  static final class StallFirstSnapshot extends AbstractOperator<Long>
      implements OneInputOperator<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Long x, long timestamp) {
      output.collect(x, timestamp);
    }

    @Override
    public void snapshotState(SnapshotContext context) throws Exception {
      if (context.checkpointId() == 1) {
        assertThat(release.await(30, TimeUnit.SECONDS)).as("released within 30 s").isTrue();
      }
    }
  }

  @Test
  void timedOutCheckpointIsAbortedAndCountedWhileTheJobGoesOn() throws Exception {
    release = new CountDownLatch(1);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration()
        .set(CheckpointingOptions.INTERVAL, Duration.ofMillis(30))
        .set(CheckpointingOptions.TIMEOUT, Duration.ofMillis(150))
        .set(CheckpointingOptions.DIRECTORY, checkpoints.toString())
        .set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    CollectSink<String> sink = new CollectSink<>();
    env.fromSource(
            new GeneratorSource<>(i -> i, RecoveryTestJob.RECORDS, 60_000),
            WatermarkStrategy.noWatermarks(),
            "Numbers",
            Types.LONG)
        .transform("Stall", Types.LONG, new StallFirstSnapshot())
        .keyBy(x -> x % RecoveryTestJob.KEYS)
        .process(new SumPerKey(0))
        .sinkTo(sink);
    JobClient job = env.executeAsync("stalled checkpoint");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (job.metrics().getOrDefault("job.numberOfFailedCheckpoints", 0L) < 1) {
        assertThat(System.nanoTime()).as("checkpoint 1 timed out").isLessThan(deadline);
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        Thread.sleep(2);
      }
      assertThat(job.metrics().get("job.numberOfCompletedCheckpoints")).isZero();
      release.countDown();

      awaitCompletedCheckpoints(job, 2);
      assertThat(job.metrics().get("job.lastCompletedCheckpointId")).isGreaterThan(1);
      assertThat(job.metrics().get("job.numberOfFailedCheckpoints")).isEqualTo(1);
      assertThat(job.metrics().get("job.numRestarts")).isZero();

      await(job);
      assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
      assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
      assertThat(sink.results()).hasSize(RecoveryTestJob.KEYS);
    } finally {
      release.countDown();
      sink.discard();
    }
  }
}
