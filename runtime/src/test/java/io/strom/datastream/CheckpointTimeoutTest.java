package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.await;
import static io.strom.datastream.RecoveryTestJob.awaitCompletedCheckpoints;
import static io.strom.datastream.RecoveryTestJob.awaitMetric;
import static io.strom.datastream.RecoveryTestJob.expectedSums;
import static io.strom.datastream.RecoveryTestJob.lastPerKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
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
 * snapshot of the first checkpoint until the job counts that checkpoint as failed. Within
 * execution.checkpointing.tolerable-failed-checkpoints the checkpoint is aborted without failing
 * the job and the next ones complete; beyond it the job fails over. Either way its result is that
 * of a run without the stall.
 */
class CheckpointTimeoutTest {
  /** Opened by the test once the stalled checkpoint was counted as failed. */
  private static volatile CountDownLatch release;

  @TempDir Path checkpoints;
  private final CollectSink<String> sink = new CollectSink<>();

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
    JobClient job = submit(10);
    try {
      awaitMetric(job, "job.numberOfFailedCheckpoints", 1);
      assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
      assertThat(job.metrics().get("job.numberOfCompletedCheckpoints")).isZero();
      release.countDown();

      awaitCompletedCheckpoints(job, 2);
      assertThat(job.metrics().get("job.lastCompletedCheckpointId")).isGreaterThan(1);
      assertThat(job.metrics().get("job.numberOfFailedCheckpoints")).isEqualTo(1);
      assertThat(job.metrics().get("job.numRestarts")).isZero();

      expectFullResult(job);
    } finally {
      release.countDown();
      sink.discard();
    }
  }

  @Test
  void timedOutCheckpointBeyondTheToleranceFailsTheJobOver() throws Exception {
    JobClient job = submit(0);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (job.status() == JobStatus.RUNNING) {
        assertThat(System.nanoTime()).as("failed over within 30 s").isLessThan(deadline);
        Thread.sleep(2);
      }
      assertThat(job.status()).isEqualTo(JobStatus.RESTARTING);
      release.countDown();

      expectFullResult(job);
      assertThat(job.metrics().get("job.numRestarts")).isEqualTo(1);
    } finally {
      release.countDown();
      sink.discard();
    }
  }

  private JobClient submit(int tolerableFailures) throws Exception {
    release = new CountDownLatch(1);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration()
        .set(CheckpointingOptions.INTERVAL, Duration.ofMillis(30))
        .set(CheckpointingOptions.TIMEOUT, Duration.ofMillis(150))
        .set(CheckpointingOptions.TOLERABLE_FAILED_CHECKPOINTS, tolerableFailures)
        .set(CheckpointingOptions.DIRECTORY, checkpoints.toString())
        .set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(10))
        .set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    env.fromSource(
            new GeneratorSource<>(i -> i, RecoveryTestJob.RECORDS, 60_000),
            WatermarkStrategy.noWatermarks(),
            "Numbers",
            Types.LONG)
        .transform("Stall", Types.LONG, new StallFirstSnapshot())
        .keyBy(x -> x % RecoveryTestJob.KEYS)
        .process(new SumPerKey(0))
        .sinkTo(sink);
    return env.executeAsync("stalled checkpoint");
  }

  private void expectFullResult(JobClient job) throws Exception {
    await(job);
    assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
    assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
  }
}
