package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.datastream.sink.PrecommittingSinkWriter;
import io.strom.datastream.sink.SinkWriter;
import io.strom.datastream.sink.TwoPhaseCommittingSink;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.source.Boundedness;
import io.strom.runtime.source.InputStatus;
import io.strom.runtime.source.ReaderOutput;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import io.strom.runtime.source.lib.FixedSplitsEnumerator;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.runtime.source.lib.IndexRangeSplit;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints go on after a source subtask finished: a source at parallelism 2 has a single split,
 * so one reader finishes at once while the other runs for seconds. Checkpoints complete, a
 * two-phase-commit sink commits while the job runs, and a task killed after such a checkpoint is
 * restored from it with every record committed exactly once.
 */
class FinishedTasksCheckpointTest {
  private static final long RECORDS = 20_000;
  /** The one reader with the split reads half of this per second (the rate is per source). */
  private static final double RATE = 8_000;

  /** Subtasks of the source whose reader reached the end of its input. */
  static final Map<Integer, Boolean> FINISHED_READERS = new ConcurrentHashMap<>();
  /** What the sink committed, by committable; a committable committed again replaces itself. */
  static final Map<String, List<Long>> COMMITTED = new ConcurrentHashMap<>();
  static final AtomicBoolean KILLED = new AtomicBoolean();
  /** Set by the first checkpoint completed after a reader finished, as the killer saw it. */
  static final AtomicBoolean CHECKPOINT_AFTER_FINISH = new AtomicBoolean();

  @TempDir Path checkpoints;

  @BeforeEach
  void reset() {
    FINISHED_READERS.clear();
    COMMITTED.clear();
    KILLED.set(false);
    CHECKPOINT_AFTER_FINISH.set(false);
  }

  private Configuration checkpointing(boolean unaligned) {
    Configuration conf = new Configuration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(CheckpointingOptions.UNALIGNED, unaligned);
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    conf.set(RestartStrategyOptions.TYPE, "fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(20));
    return conf;
  }

  @Test
  void checkpointsCompleteAndTheSinkCommitsAfterAReaderWithoutSplitsFinished() throws Exception {
    JobClient job = submit(checkpointing(false), Long.MAX_VALUE);

    awaitCondition(job, () -> !FINISHED_READERS.isEmpty(), "a reader finished");
    long before = job.metrics().getOrDefault("job.numberOfCompletedCheckpoints", 0L);
    awaitCondition(
        job,
        () -> job.metrics().getOrDefault("job.numberOfCompletedCheckpoints", 0L) > before,
        "a checkpoint completed after a reader finished");
    awaitCondition(job, () -> !COMMITTED.isEmpty(), "a commit while the job runs");
    assertThat(FINISHED_READERS).hasSize(1);
    JobExecutionResult result = job.result().get(2, TimeUnit.MINUTES);

    assertThat(result.metrics().get("job.numberOfFailedCheckpoints")).isZero();
    assertThat(committedRecords()).isEqualTo(allRecords());
  }

  @Test
  void killAfterACheckpointWithAFinishedReaderRestoresExactlyOnce() throws Exception {
    JobClient job = submit(checkpointing(false), RECORDS / 2);
    JobExecutionResult result = job.result().get(2, TimeUnit.MINUTES);

    assertThat(KILLED).isTrue();
    assertThat(CHECKPOINT_AFTER_FINISH).isTrue();
    assertThat(result.metrics().get("job.numRestarts")).isEqualTo(1L);
    assertThat(committedRecords()).isEqualTo(allRecords());
  }

  @Test
  void unalignedCheckpointsWithAFinishedReaderRestoreExactlyOnce() throws Exception {
    JobClient job = submit(checkpointing(true), RECORDS / 2);
    JobExecutionResult result = job.result().get(2, TimeUnit.MINUTES);

    assertThat(KILLED).isTrue();
    assertThat(result.metrics().get("job.numRestarts")).isEqualTo(1L);
    assertThat(committedRecords()).isEqualTo(allRecords());
  }

  /**
   * Numbers from a source with one split at parallelism 2, through a killer chained to it, then
   * spread over a sink at parallelism 2.
   */
  private static JobClient submit(Configuration conf, long killAt) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration().addAll(conf);
    env.fromSource(new OneSplitSource(), WatermarkStrategy.noWatermarks(), "Numbers", Types.LONG)
        .transform("Killer", Types.LONG, new KillOnceAfterCheckpoint(killAt))
        .rebalance()
        .sinkTo(new CommittingSink());
    return env.executeAsync("finished-tasks");
  }

  private static List<Long> committedRecords() {
    List<Long> all = new ArrayList<>();
    COMMITTED.values().forEach(all::addAll);
    all.sort(null);
    return all;
  }

  /** What a run without failures commits: every number once. */
  private static List<Long> allRecords() {
    return LongStream.range(0, RECORDS).boxed().toList();
  }

  private static void awaitCondition(JobClient job, BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s within 30 s", what).isLessThan(deadline);
      assertThat(job.status().isTerminal()).as("job ended before %s", what).isFalse();
      Thread.sleep(2);
    }
  }

  /**
   * A bounded generator of {@code 0..RECORDS-1} in a single split, whatever the parallelism: the
   * other readers get no split and finish at once. Records which readers finished.
   */
  static final class OneSplitSource implements Source<Long, IndexRangeSplit> {
    private final GeneratorSource<Long> numbers = new GeneratorSource<>(i -> i, RECORDS, RATE);

    @Override
    public Boundedness boundedness() {
      return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<IndexRangeSplit> createEnumerator(
        SplitEnumeratorContext<IndexRangeSplit> context) {
      return new FixedSplitsEnumerator<>(context, List.of(new IndexRangeSplit("0", 0, RECORDS)));
    }

    @Override
    public SplitEnumerator<IndexRangeSplit> restoreEnumerator(
        SplitEnumeratorContext<IndexRangeSplit> context, List<IndexRangeSplit> unassigned) {
      return new FixedSplitsEnumerator<>(context, unassigned);
    }

    @Override
    public SourceReader<Long, IndexRangeSplit> createReader(SourceReaderContext context)
        throws Exception {
      SourceReader<Long, IndexRangeSplit> reader = numbers.createReader(context);
      int subtask = context.subtaskIndex();
      return new SourceReader<>() {
        @Override
        public void start() throws Exception {
          reader.start();
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) throws Exception {
          InputStatus status = reader.pollNext(output);
          if (status == InputStatus.END_OF_INPUT) {
            FINISHED_READERS.put(subtask, true);
          }
          return status;
        }

        @Override
        public void addSplits(List<IndexRangeSplit> splits) {
          reader.addSplits(splits);
        }

        @Override
        public void notifyNoMoreSplits() {
          reader.notifyNoMoreSplits();
        }

        @Override
        public List<IndexRangeSplit> snapshotState(long checkpointId) throws Exception {
          return reader.snapshotState(checkpointId);
        }

        @Override
        public void close() throws Exception {
          reader.close();
        }
      };
    }
  }

  /**
   * Passes numbers on; fails its task once, at the first number from {@code killAt} on after a
   * checkpoint completed while a reader had finished.
   */
  static final class KillOnceAfterCheckpoint extends AbstractOperator<Long>
      implements OneInputOperator<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final long killAt;

    KillOnceAfterCheckpoint(long killAt) {
      this.killAt = killAt;
    }

    @Override
    public void processElement(Long x, long timestamp) {
      if (x >= killAt && CHECKPOINT_AFTER_FINISH.get() && KILLED.compareAndSet(false, true)) {
        throw new IllegalStateException("killed at " + x);
      }
      output.collect(x, timestamp);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (!FINISHED_READERS.isEmpty()) {
        CHECKPOINT_AFTER_FINISH.set(true);
      }
    }
  }

  /** One prepared batch of a writer: what it wrote between two checkpoints. */
  record Batch(String id, List<Long> records) implements Serializable {}

  /**
   * Commits a writer's batch of each checkpoint when the checkpoint completes; committing a batch
   * again (after a restore) replaces it, as a transaction committed twice stays committed once.
   */
  static final class CommittingSink implements TwoPhaseCommittingSink<Long, Batch> {
    private static final long serialVersionUID = 1L;

    @Override
    public PrecommittingSinkWriter<Long, Batch> createWriter(InitContext context) {
      int subtask = context.subtaskIndex();
      return new PrecommittingSinkWriter<>() {
        private List<Long> open = new ArrayList<>();

        @Override
        public void write(Long element, long timestamp) {
          open.add(element);
        }

        @Override
        public List<Batch> prepareCommit(long checkpointId) {
          Batch batch = new Batch(subtask + "@" + checkpointId, open);
          open = new ArrayList<>();
          return List.of(batch);
        }
      };
    }

    @Override
    public void commit(SinkWriter<Long> writer, List<Batch> committables) {
      committables.forEach(b -> COMMITTED.put(b.id(), b.records()));
    }
  }
}
