package io.strom.benchmarks;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RuntimeContext;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.configuration.StateBackendOptions;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.datastream.functions.KeyedProcessFunction;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.source.lib.GeneratorSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Recovery time: a job keeps a random value of 100 bytes per key in keyed state; once its state is
 * complete and a checkpoint taken after that, one task is killed, and the time from the kill to
 * the first record the keyed operator processes in the restored job is measured (cancel, restart
 * without delay, restore, reprocess).
 *
 * <pre>
 * bin/strom-bench recovery [--keys 1000000] [--runs 3] [--backends hashmap,rocksdb,rocksdb-incremental]
 * </pre>
 */
final class RecoveryTimeBenchmark {
  private static final int PAYLOAD_BYTES = 100;

  private static volatile long killNanos;
  private static volatile long resumeNanos;
  private static volatile boolean killed;
  private static volatile long stateComplete;
  private static volatile long checkpointAfterState;

  private RecoveryTimeBenchmark() {}

  static void main(String[] args) throws Exception {
    int keys = 1_000_000;
    int runs = 3;
    String[] backends = {"hashmap", "rocksdb", "rocksdb-incremental"};
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--keys" -> keys = Integer.parseInt(args[++i].replace("_", ""));
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--backends" -> backends = args[++i].split(",");
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    System.out.printf(Locale.ROOT, "%-22s %10s %14s %14s%n", "backend", "keys", "best ms", "median ms");
    for (String backend : backends) {
      double[] millis = new double[runs];
      measure(backend, keys); // warm-up
      for (int r = 0; r < runs; r++) {
        millis[r] = measure(backend, keys);
      }
      Arrays.sort(millis);
      System.out.printf(
          Locale.ROOT, "%-22s %,10d %,14.0f %,14.0f%n", backend, keys, millis[0], millis[runs / 2]);
    }
  }

  private static double measure(String backend, int keys) throws Exception {
    killNanos = 0;
    resumeNanos = 0;
    killed = false;
    stateComplete = 0;
    checkpointAfterState = 0;
    Path checkpoints = Files.createTempDirectory("strom-bench-recovery");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    Configuration conf = env.getConfiguration();
    conf.set(CheckpointingOptions.INTERVAL, Duration.ofMillis(500));
    conf.set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    conf.set(StateBackendOptions.TYPE, backend.startsWith("rocksdb") ? "rocksdb" : "hashmap");
    conf.set(CheckpointingOptions.INCREMENTAL, backend.endsWith("incremental"));
    conf.set(RestartStrategyOptions.TYPE, "fixed-delay");
    conf.set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 1);
    conf.set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ZERO);
    long keyCount = keys;
    env.fromSource(
            new GeneratorSource<>(i -> i, GeneratorSource.UNBOUNDED, 0),
            WatermarkStrategy.noWatermarks(),
            "numbers",
            Types.LONG)
        .transform("kill", Types.LONG, new KillOnce(keyCount))
        .keyBy(x -> x % keyCount)
        .process(new KeepPayload())
        .addSink(x -> {});
    JobClient job = env.executeAsync("recovery");
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (resumeNanos == 0) {
        if (System.nanoTime() > deadline || job.status().isTerminal()) {
          throw new IllegalStateException("The job did not recover: " + job.status());
        }
        Thread.sleep(1);
      }
      return (resumeNanos - killNanos) / 1e6;
    } finally {
      job.cancel().get(1, TimeUnit.MINUTES);
      BenchmarkFiles.deleteRecursively(checkpoints);
    }
  }

  /**
   * Passes numbers on; kills its task once every key has state and a checkpoint completed after
   * that.
   */
  static final class KillOnce extends AbstractOperator<Long> implements OneInputOperator<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final long keys;
    private transient long lastCheckpointTaken;

    KillOnce(long keys) {
      this.keys = keys;
    }

    @Override
    public void processElement(Long x, long timestamp) {
      if (!killed && x >= keys && stateComplete == 0) {
        stateComplete = lastCheckpointTaken + 1;
      }
      if (!killed && checkpointAfterState > 0) {
        killed = true;
        killNanos = System.nanoTime();
        throw new IllegalStateException("benchmark kill");
      }
      output.collect(x, timestamp);
    }

    @Override
    public void snapshotState(io.strom.runtime.operators.SnapshotContext context) {
      lastCheckpointTaken = context.checkpointId();
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      if (stateComplete > 0 && checkpointId >= stateComplete && checkpointAfterState == 0) {
        checkpointAfterState = checkpointId;
      }
    }
  }

  /** Keeps a payload per key; the copy restored after the kill notes its first record. */
  static final class KeepPayload extends KeyedProcessFunction<Long, Long, Long> {
    private transient ValueState<byte[]> payload;
    private transient boolean restored;

    @Override
    public void open(RuntimeContext context) {
      payload = context.getState(new ValueStateDescriptor<>("payload", Types.BYTES));
      restored = killed;
    }

    @Override
    public void processElement(Long x, Context ctx, Collector<Long> out) {
      if (restored && resumeNanos == 0) {
        resumeNanos = System.nanoTime();
      }
      byte[] value = payload.value();
      if (value == null) {
        // Incompressible, so RocksDB holds the full size.
        value = new byte[PAYLOAD_BYTES];
        java.util.concurrent.ThreadLocalRandom.current().nextBytes(value);
      }
      value[(int) (x % PAYLOAD_BYTES)]++;
      payload.update(value);
    }
  }
}
