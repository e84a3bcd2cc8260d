package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.FAILURES;
import static io.strom.datastream.RecoveryTestJob.FIRED;
import static io.strom.datastream.RecoveryTestJob.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RuntimeContext;
import io.strom.api.state.MapState;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.configuration.StateBackendOptions;
import io.strom.datastream.RecoveryTestJob.Chaos;
import io.strom.datastream.functions.KeyedCoProcessFunction;
import io.strom.datastream.sink.CollectSink;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.source.lib.GeneratorSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills tasks of an event-time windowed join (two inputs keyed alike, per key and tumbling window
 * of 1 s the pairs of both sides, emitted by an event-time timer at the window's end) at chosen
 * points, also inside a checkpoint, and demands the result of a run without failures. Runs for
 * both state backends, with aligned and unaligned checkpoints, and for RocksDB with incremental
 * checkpoints too (its timers then restore from RocksDB's own files).
 */
@ParameterizedClass
@MethodSource("settings")
class WindowedJoinRecoveryTest {
  private static final long RECORDS = RecoveryTestJob.RECORDS;
  private static final int KEYS = 50;
  private static final long WINDOW = 1_000;

  @TempDir Path checkpoints;

  private final String backend;
  private final boolean unaligned;
  private final boolean incremental;

  WindowedJoinRecoveryTest(String backend, boolean unaligned, boolean incremental) {
    this.backend = backend;
    this.unaligned = unaligned;
    this.incremental = incremental;
  }

  static Stream<Arguments> settings() {
    return Stream.of(
        Arguments.of("hashmap", false, false),
        Arguments.of("rocksdb", false, false),
        Arguments.of("hashmap", true, false),
        Arguments.of("rocksdb", true, false),
        Arguments.of("rocksdb", false, true),
        Arguments.of("rocksdb", true, true));
  }

  @BeforeEach
  void resetFailurePoints() {
    RecoveryTestJob.reset();
  }

  /** Joins the numbers of both sides per key and window; reports each window when it ends. */
  static final class WindowJoin extends KeyedCoProcessFunction<Long, Long, Long, String> {
    private transient MapState<Long, Long> leftCount;
    private transient MapState<Long, Long> leftSum;
    private transient MapState<Long, Long> rightCount;
    private transient MapState<Long, Long> rightSum;

    @Override
    public void open(RuntimeContext context) {
      leftCount = context.getMapState(new MapStateDescriptor<>("leftCount", Types.LONG, Types.LONG));
      leftSum = context.getMapState(new MapStateDescriptor<>("leftSum", Types.LONG, Types.LONG));
      rightCount =
          context.getMapState(new MapStateDescriptor<>("rightCount", Types.LONG, Types.LONG));
      rightSum = context.getMapState(new MapStateDescriptor<>("rightSum", Types.LONG, Types.LONG));
    }

    @Override
    public void processElement1(Long x, Context ctx, Collector<String> out) {
      add(x, ctx, leftCount, leftSum);
    }

    @Override
    public void processElement2(Long x, Context ctx, Collector<String> out) {
      add(x, ctx, rightCount, rightSum);
    }

    private static void add(
        long x, Context ctx, MapState<Long, Long> count, MapState<Long, Long> sum) {
      long window = x / WINDOW;
      Long c = count.get(window);
      count.put(window, c == null ? 1 : c + 1);
      Long s = sum.get(window);
      sum.put(window, s == null ? x : s + x);
      ctx.timerService().registerEventTimeTimer((window + 1) * WINDOW - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      long window = timestamp / WINDOW;
      long lc = orZero(leftCount.get(window));
      long rc = orZero(rightCount.get(window));
      // Every pair (l, r) contributes l + r.
      long pairSum = rc * orZero(leftSum.get(window)) + lc * orZero(rightSum.get(window));
      out.collect(ctx.getCurrentKey() + ":" + window + ":" + lc * rc + ":" + pairSum);
      leftCount.remove(window);
      leftSum.remove(window);
      rightCount.remove(window);
      rightSum.remove(window);
    }

    private static long orZero(Long value) {
      return value == null ? 0 : value;
    }
  }

  private static Map<String, String> expected() {
    Map<String, String> expected = new HashMap<>();
    for (long w = 0; w < RECORDS / WINDOW; w++) {
      for (long k = 0; k < KEYS; k++) {
        long count = 0;
        long sum = 0;
        for (long x = w * WINDOW; x < (w + 1) * WINDOW; x++) {
          if (x % KEYS == k) {
            count++;
            sum += x;
          }
        }
        expected.put(k + ":" + w, k + ":" + w + ":" + count * count + ":" + 2 * count * sum);
      }
    }
    return expected;
  }

  /** The last report of each key and window (a restart may report a window again). */
  private static Map<String, String> lastPerWindow(CollectSink<String> sink) {
    Map<String, String> last = new HashMap<>();
    for (String line : sink.results()) {
      last.put(line.substring(0, line.indexOf(':', line.indexOf(':') + 1)), line);
    }
    return last;
  }

  private JobClient submit(Chaos chaos, CollectSink<String> sink) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    Configuration conf = env.getConfiguration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(CheckpointingOptions.UNALIGNED, unaligned);
    conf.set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    conf.set(StateBackendOptions.TYPE, backend);
    conf.set(CheckpointingOptions.INCREMENTAL, incremental);
    conf.set(RestartStrategyOptions.TYPE, "fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 10);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(20));
    WatermarkStrategy<Long> eventTime =
        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((x, ts) -> x);
    DataStream<Long> left =
        env.fromSource(new GeneratorSource<>(i -> i, RECORDS, 60_000), eventTime, "Left",
                Types.LONG)
            .transform("Chaos", Types.LONG, chaos);
    DataStream<Long> right =
        env.fromSource(new GeneratorSource<>(i -> i, RECORDS, 60_000), eventTime, "Right",
            Types.LONG);
    left.connect(right)
        .keyBy(x -> x % KEYS, x -> x % KEYS)
        .process(new WindowJoin())
        .sinkTo(sink);
    return env.executeAsync("windowed join");
  }

  @Test
  void windowedJoinEqualsAFailureFreeRunDespiteKilledTasks() throws Exception {
    CollectSink<String> sink = new CollectSink<>();
    Chaos chaos = new Chaos(true, 10_000, 25_000, 40_000, 55_000, 70_000);

    JobExecutionResult result = await(submit(chaos, sink));

    assertThat(FAILURES.get()).isEqualTo(6);
    assertThat(FIRED).contains(Chaos.IN_SNAPSHOT);
    assertThat(result.metrics().get("job.numRestarts")).isEqualTo(6L);
    assertThat(lastPerWindow(sink)).isEqualTo(expected());
    sink.discard();
  }
}
