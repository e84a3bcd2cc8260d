package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.FAILURES;
import static io.strom.datastream.RecoveryTestJob.KEYS;
import static io.strom.datastream.RecoveryTestJob.RECORDS;
import static io.strom.datastream.RecoveryTestJob.await;
import static io.strom.datastream.RecoveryTestJob.expectedSums;
import static io.strom.datastream.RecoveryTestJob.lastPerKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.configuration.StateBackendOptions;
import io.strom.datastream.RecoveryTestJob.Chaos;
import io.strom.datastream.RecoveryTestJob.SumPerKey;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.SnapshotContext;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.runtime.tasks.FaultPoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A job with {@code execution.checkpointing.max-concurrent-checkpoints} = 2 whose snapshots are
 * slow to upload, so that the next checkpoint starts while the one before is still being written:
 * it still ends with exactly the result of a run without failures, also when tasks are killed
 * while checkpoints overlap. Runs once per state backend (RocksDB with incremental checkpoints,
 * whose overlapping snapshots share files through the registry).
 */
@ParameterizedClass
@MethodSource("backends")
class ConcurrentCheckpointsTest {
  /** How long each subtask's upload of its snapshot takes at least. */
  private static final long UPLOAD_MILLIS = 60;

  /** When the source chain took the synchronous part of each checkpoint (first subtask to). */
  private static final Map<Long, Long> SNAPSHOT_NANOS = new ConcurrentHashMap<>();

  /** When the source chain first heard of each checkpoint's completion. */
  private static final Map<Long, Long> COMPLETION_NANOS = new ConcurrentHashMap<>();

  @TempDir Path checkpoints;
  @TempDir Path rocksDbDirectories;

  private final String backend;

  ConcurrentCheckpointsTest(String backend) {
    this.backend = backend;
  }

  static Stream<Arguments> backends() {
    return Stream.of(Arguments.of("hashmap"), Arguments.of("rocksdb"));
  }

  @BeforeEach
  void slowUploads() {
    RecoveryTestJob.reset();
    SNAPSHOT_NANOS.clear();
    COMPLETION_NANOS.clear();
    FaultPoints.arm(
        (point, task, checkpointId) -> {
          if (point.equals(FaultPoints.CHECKPOINT_UPLOAD)) {
            LockSupport.parkNanos(UPLOAD_MILLIS * 1_000_000);
          }
          return false;
        });
  }

  @AfterEach
  void disarm() {
    FaultPoints.disarm();
  }

  /** Records when checkpoints start and complete at the source chain; passes numbers on. */
  static final class CheckpointTrace extends AbstractOperator<Long>
      implements OneInputOperator<Long, Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(Long x, long timestamp) {
      output.collect(x, timestamp);
    }

    @Override
    public void snapshotState(SnapshotContext context) {
      SNAPSHOT_NANOS.putIfAbsent(context.checkpointId(), System.nanoTime());
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      COMPLETION_NANOS.putIfAbsent(checkpointId, System.nanoTime());
    }
  }

  private Configuration configuration() {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(20));
    conf.set(CheckpointingOptions.MAX_CONCURRENT_CHECKPOINTS, 2);
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(CheckpointingOptions.INCREMENTAL, true);
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    conf.set(StateBackendOptions.TYPE, backend);
    conf.set(StateBackendOptions.ROCKSDB_LOCAL_DIR, rocksDbDirectories.toString());
    conf.set(RestartStrategyOptions.TYPE, "fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 10);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(20));
    return conf;
  }

  private JobExecutionResult run(Chaos chaos, CollectSink<String> sink) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration().addAll(configuration());
    env.fromSource(
            new GeneratorSource<>(i -> i, RECORDS, 100_000),
            WatermarkStrategy.noWatermarks(),
            "Numbers",
            Types.LONG)
        .transform("Chaos", Types.LONG, chaos)
        .transform("Trace", Types.LONG, new CheckpointTrace())
        .keyBy(x -> x % KEYS)
        .process(new SumPerKey(0))
        .sinkTo(sink);
    return await(env.executeAsync("sums"));
  }

  /** Whether some checkpoint started before the one before it completed. */
  private static boolean twoWereInFlightAtOnce() {
    return COMPLETION_NANOS.entrySet().stream()
        .anyMatch(
            done -> {
              Long next = SNAPSHOT_NANOS.get(done.getKey() + 1);
              return next != null && next < done.getValue();
            });
  }

  @Test
  void overlappingCheckpointsEndWithTheExactResult() throws Exception {
    CollectSink<String> sink = new CollectSink<>();

    JobExecutionResult result = run(new Chaos(false), sink);

    assertThat(result.metrics().get("job.numberOfCompletedCheckpoints")).isGreaterThan(2L);
    assertThat(twoWereInFlightAtOnce())
        .as("a checkpoint started before the one before it completed: %s started, %s completed",
            SNAPSHOT_NANOS.keySet(), COMPLETION_NANOS.keySet())
        .isTrue();
    assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
    sink.discard();
  }

  @Test
  void tasksKilledWhileCheckpointsOverlapRecoverToTheResultOfAFailureFreeRun() throws Exception {
    CollectSink<String> sink = new CollectSink<>();
    // Each kill comes once a checkpoint completed in the run; with uploads slower than the
    // interval the next one is in flight by then, and often the one after it too.
    Chaos chaos = new Chaos(true, 15_000, 35_000, 60_000);

    JobExecutionResult result = run(chaos, sink);

    assertThat(FAILURES.get()).isEqualTo(4);
    assertThat(result.metrics().get("job.numRestarts")).isEqualTo(4L);
    assertThat(twoWereInFlightAtOnce()).isTrue();
    assertThat(lastPerKey(sink)).isEqualTo(expectedSums());
    sink.discard();
  }
}
