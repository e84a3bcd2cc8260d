package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RuntimeContext;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.Configuration;
import io.strom.datastream.functions.KeyedProcessFunction;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.checkpoint.CheckpointStorage;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.cluster.JobStatus;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.SnapshotContext;
import io.strom.runtime.source.lib.GeneratorSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The job of the failure-injection tests: numbers from two splits pass an operator that fails its
 * task at chosen points ({@link Chaos}), then are counted and summed per key ({@code x % 100}) in
 * keyed state, reported when the input ends. Its result must equal {@link #expectedSums()}
 * however often it fails and restores.
 */
final class RecoveryTestJob {
  static final long RECORDS = 200_000;
  static final long PER_SPLIT = RECORDS / 2;
  static final int KEYS = 100;

  /** Indexes of the failure points that fired; shared by all copies of the operator. */
  static final Set<Integer> FIRED = ConcurrentHashMap.newKeySet();

  static final AtomicInteger FAILURES = new AtomicInteger();

  /**
   * Whether the current run may still fail: a run fails at most once. The job master restarts
   * once per run, ignoring a second failure of a run it is already canceling; without this a
   * subtask that reached the next failure point while its run was being canceled (likely when
   * the machine is busy) would use that point up with no restart for it.
   */
  static final AtomicBoolean ARMED = new AtomicBoolean(true);

  private RecoveryTestJob() {}

  /** Forgets the failure points fired by an earlier test. */
  static void reset() {
    FIRED.clear();
    FAILURES.set(0);
    ARMED.set(true);
  }

  /**
   * Passes numbers through, and fails its task once per failure point: at the first number whose
   * position in its split reaches the point's threshold, once a checkpoint completed in the
   * current run (so each restart makes progress). Optionally also fails once inside a snapshot
   * after the third failure: while that checkpoint is in flight.
   */
  static final class Chaos extends AbstractOperator<Long> implements OneInputOperator<Long, Long> {
    private static final long serialVersionUID = 1L;
    static final int IN_SNAPSHOT = -1;

    private final long[] thresholds;
    private final boolean failInSnapshot;
    private transient boolean checkpointCompleted;

    Chaos(boolean failInSnapshot, long... thresholds) {
      this.thresholds = thresholds;
      this.failInSnapshot = failInSnapshot;
    }

    /**
     * A new run: its copies are set up only after every task of the run before has ended, so no
     * copy of that run can fail any more.
     */
    @Override
    protected void setup() {
      ARMED.set(true);
    }

    @Override
    public void processElement(Long x, long timestamp) {
      if (checkpointCompleted) {
        for (int i = 0; i < thresholds.length; i++) {
          if (x % PER_SPLIT >= thresholds[i] && !FIRED.contains(i) && fire(i)) {
            throw new IllegalStateException("injected failure " + i + " at " + x);
          }
        }
      }
      output.collect(x, timestamp);
    }

    @Override
    public void snapshotState(SnapshotContext context) {
      // Only once a checkpoint completed in this run: then every copy of the run has been set up,
      // and none can arm the run again after it failed.
      if (failInSnapshot && checkpointCompleted && FAILURES.get() >= 3
          && !FIRED.contains(IN_SNAPSHOT) && fire(IN_SNAPSHOT)) {
        throw new IllegalStateException(
            "injected failure in checkpoint " + context.checkpointId());
      }
    }

    /** Uses up a failure point and the current run's one failure; false if the run failed. */
    private static boolean fire(int point) {
      if (!ARMED.compareAndSet(true, false)) {
        return false;
      }
      FIRED.add(point);
      FAILURES.incrementAndGet();
      return true;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointCompleted = true;
    }
  }

  /**
   * Counts and sums the numbers of each key; reports them when the input ends. Optionally slow,
   * so that the exchange in front of it fills up (backpressure).
   */
  static final class SumPerKey extends KeyedProcessFunction<Long, Long, String> {
    private final long delayNanos;
    private transient ValueState<Long> count;
    private transient ValueState<Long> sum;

    SumPerKey(long delayNanos) {
      this.delayNanos = delayNanos;
    }

    @Override
    public void open(RuntimeContext context) {
      count = context.getState(new ValueStateDescriptor<>("count", Types.LONG));
      sum = context.getState(new ValueStateDescriptor<>("sum", Types.LONG));
    }

    @Override
    public void processElement(Long x, Context ctx, Collector<String> out) {
      count.update(count.value() == null ? 1 : count.value() + 1);
      sum.update(sum.value() == null ? x : sum.value() + x);
      ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
      if (delayNanos > 0) {
        LockSupport.parkNanos(delayNanos);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      out.collect(ctx.getCurrentKey() + ":" + count.value() + ":" + sum.value());
    }
  }

  static Map<Long, String> expectedSums() {
    Map<Long, String> expected = new HashMap<>();
    for (long k = 0; k < KEYS; k++) {
      long count = 0;
      long sum = 0;
      for (long x = k; x < RECORDS; x += KEYS) {
        count++;
        sum += x;
      }
      expected.put(k, k + ":" + count + ":" + sum);
    }
    return expected;
  }

  static JobClient submit(
      Configuration conf, int parallelism, double rate, Chaos chaos, CollectSink<String> sink)
      throws Exception {
    return submit(conf, parallelism, rate, chaos, sink, parallelism, 0);
  }

  /**
   * As above, with the keyed operator and the sink at {@code sumParallelism}, the keyed operator
   * spending {@code sumDelayNanos} on each number.
   */
  static JobClient submit(
      Configuration conf,
      int parallelism,
      double rate,
      Chaos chaos,
      CollectSink<String> sink,
      int sumParallelism,
      long sumDelayNanos)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.getConfiguration().addAll(conf);
    env.fromSource(
            new GeneratorSource<>(i -> i, RECORDS, rate),
            WatermarkStrategy.noWatermarks(),
            "Numbers",
            Types.LONG)
        .transform("Chaos", Types.LONG, chaos)
        .keyBy(x -> x % KEYS)
        .process(new SumPerKey(sumDelayNanos))
        .setParallelism(sumParallelism)
        .sinkTo(sink)
        .setParallelism(sumParallelism);
    return env.executeAsync("sums");
  }

  /** The last reported result of each key (a restart may report again). */
  static Map<Long, String> lastPerKey(CollectSink<String> sink) {
    Map<Long, String> last = new HashMap<>();
    for (String line : sink.results()) {
      last.put(Long.parseLong(line.substring(0, line.indexOf(':'))), line);
    }
    return last;
  }

  static JobExecutionResult await(JobClient client) throws Exception {
    return client.result().get(2, TimeUnit.MINUTES);
  }

  static void awaitStatus(JobClient client, JobStatus wanted) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (client.status() != wanted) {
      assertThat(System.nanoTime()).as("status %s within 30 s", wanted).isLessThan(deadline);
      assertThat(client.status().isTerminal()).as("job ended before %s", wanted).isFalse();
      Thread.sleep(2);
    }
  }

  /** Waits until the job completed {@code count} checkpoints, failing if it ends first. */
  static void awaitCompletedCheckpoints(JobClient client, long count) throws InterruptedException {
    awaitMetric(client, "job.numberOfCompletedCheckpoints", count);
  }

  /** Waits up to 30 s for a job metric to reach {@code atLeast} while the job runs. */
  static void awaitMetric(JobClient client, String name, long atLeast)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (client.metrics().getOrDefault(name, 0L) < atLeast) {
      assertThat(System.nanoTime()).as("%s reaches %d within 30 s", name, atLeast)
          .isLessThan(deadline);
      assertThat(client.status().isTerminal()).as("job ended first").isFalse();
      Thread.sleep(2);
    }
  }

  /** The directory of the job's latest checkpoint that has metadata. */
  static Path latestRetainedCheckpoint(Path checkpoints, String jobId) throws IOException {
    try (Stream<Path> dirs = Files.list(checkpoints.resolve(jobId))) {
      return dirs.filter(d -> Files.exists(d.resolve(CheckpointStorage.METADATA_FILE)))
          .filter(d -> d.getFileName().toString().startsWith("chk-"))
          .max(Comparator.comparingLong(d -> Long.parseLong(d.getFileName().toString().substring(4))))
          .orElseThrow(() -> new AssertionError("no completed checkpoint was retained"));
    }
  }
}
