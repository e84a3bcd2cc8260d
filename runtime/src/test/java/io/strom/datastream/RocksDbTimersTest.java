package io.strom.datastream;

import static io.strom.datastream.RecoveryTestJob.FAILURES;
import static io.strom.datastream.RecoveryTestJob.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.configuration.StateBackendOptions;
import io.strom.datastream.RecoveryTestJob.Chaos;
import io.strom.datastream.sink.CollectSink;
import io.strom.datastream.windowing.assigners.TumblingEventTimeWindows;
import io.strom.runtime.source.lib.GeneratorSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tumbling event-time window aggregation over 50,000 keys with the rocksdb backend, whose
 * window timers (one per key and window, 50,000 pending at once) live in RocksDB; a task is
 * killed mid-run and restores from an incremental checkpoint, timers included.
 */
class RocksDbTimersTest {
  private static final long RECORDS = 200_000;
  private static final long KEYS = 50_000;
  /** Numbers per second of event time: a window of 1 s holds every key twice. */
  private static final long PER_WINDOW = 2 * KEYS;

  @TempDir Path checkpoints;
  @TempDir Path rocksDbDirectories;

  @BeforeEach
  void resetFailurePoints() {
    RecoveryTestJob.reset();
  }

  @Test
  void windowAggregationOverManyKeysRestoresItsTimersFromRocksDb() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    Configuration conf = env.getConfiguration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(100));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(CheckpointingOptions.INCREMENTAL, true);
    conf.set(StateBackendOptions.TYPE, "rocksdb");
    conf.set(StateBackendOptions.ROCKSDB_LOCAL_DIR, rocksDbDirectories.toString());
    conf.set(
        StateBackendOptions.ROCKSDB_TIMER_SERVICE_FACTORY,
        StateBackendOptions.TimerServiceFactory.ROCKSDB);
    conf.set(RestartStrategyOptions.TYPE, "fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(20));
    CollectSink<Long> sink = new CollectSink<>();
    env.fromSource(
            new GeneratorSource<>(i -> i, RECORDS, 50_000),
            WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((x, ts) -> x * 1000 / PER_WINDOW),
            "Numbers",
            Types.LONG)
        // Fails once, past the middle of each split, after a checkpoint completed.
        .transform("Chaos", Types.LONG, new Chaos(false, 60_000))
        .keyBy(x -> x % KEYS)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .reduce(Long::sum)
        .sinkTo(sink);

    await(env.executeAsync("many window timers"));

    assertThat(FAILURES.get()).isEqualTo(1);
    // Key k of window w sums w * PER_WINDOW + k and w * PER_WINDOW + k + KEYS: distinct sums, so
    // a lost or twice counted number shows. A window fired before the failure may fire again.
    Set<Long> expected = new HashSet<>();
    for (long w = 0; w < RECORDS / PER_WINDOW; w++) {
      for (long k = 0; k < KEYS; k++) {
        expected.add(2 * (w * PER_WINDOW + k) + KEYS);
      }
    }
    assertThat(new HashSet<>(sink.results())).isEqualTo(expected);
    sink.discard();
  }
}
