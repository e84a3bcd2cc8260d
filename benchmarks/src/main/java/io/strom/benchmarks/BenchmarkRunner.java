package io.strom.benchmarks;

import io.strom.benchmarks.KeyedRollingSumBenchmark.Checkpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs throughput benchmarks on the embedded cluster and prints records per second.
 *
 * <pre>
 * bin/strom-bench [--records N] [--parallelism 1,2] [--runs 3] [benchmark ...]
 * bin/strom-bench --records 5000000 --parallelism 1 --runs 3 keyed-checkpoints
 * </pre>
 *
 * Each benchmark runs once to warm up the JIT, then {@code runs} times; the best and median runs
 * are reported. Timing covers the whole job, from submission to the end of the last task.
 *
 * <p>{@code bin/strom-bench checkpoint ...} and {@code bin/strom-bench recovery ...} run the
 * checkpoint benchmarks instead ({@link CheckpointSizeBenchmark}, {@link RecoveryTimeBenchmark});
 * {@code bin/strom-bench kafka ...} the Kafka-to-Kafka SQL benchmark ({@link KafkaBenchmark});
 * {@code bin/strom-bench timers ...} the checkpoint pause of heap timers ({@link
 * TimerFreezeBenchmark}); {@code bin/strom-bench heap-capture ...} that of heap keyed state ({@link
 * HeapCaptureBenchmark}).
 */
public final class BenchmarkRunner {
  private static final Map<String, ThroughputBenchmark> BENCHMARKS =
      Stream.of(
              new ChainedMapFilterBenchmark(),
              new KeyedRollingSumBenchmark("hashmap", Checkpoints.OFF),
              new KeyedRollingSumBenchmark("hashmap", Checkpoints.ALIGNED),
              new KeyedRollingSumBenchmark("hashmap", Checkpoints.UNALIGNED),
              new KeyedRollingSumBenchmark("rocksdb", Checkpoints.OFF),
              new KeyedRollingSumBenchmark("rocksdb", Checkpoints.ALIGNED),
              new KeyedRollingSumBenchmark("rocksdb", Checkpoints.UNALIGNED),
              new KeyedWindowCountBenchmark(),
              new SqlFilterProjectBenchmark(SqlFilterProjectBenchmark.Input.JSON_FILE),
              new SqlFilterProjectBenchmark(SqlFilterProjectBenchmark.Input.DATAGEN))
          .collect(Collectors.toMap(ThroughputBenchmark::name, Function.identity()));

  /**
   * Names that stand for several benchmarks: {@code keyed-checkpoints} is the keyed aggregation
   * with checkpoints off, aligned and unaligned every second, on the heap and in RocksDB.
   */
  private static final Map<String, List<String>> GROUPS =
      Map.of(
          "keyed-checkpoints",
          List.of(
              "keyed", "keyed-chk", "keyed-chk-unaligned",
              "keyed-rocksdb", "keyed-rocksdb-chk", "keyed-rocksdb-chk-unaligned"));

  private BenchmarkRunner() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("checkpoint")) {
      CheckpointSizeBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("kafka")) {
      KafkaBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("timers")) {
      TimerFreezeBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("heap-capture")) {
      HeapCaptureBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("recovery")) {
      RecoveryTimeBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    long records = 50_000_000L;
    List<Integer> parallelisms = List.of(1, 2);
    int runs = 3;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--records" -> records = Long.parseLong(args[++i].replace("_", ""));
        case "--parallelism" ->
            parallelisms =
                Stream.of(args[++i].split(",")).map(Integer::parseInt).collect(Collectors.toList());
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        default -> {
          if (GROUPS.containsKey(args[i])) {
            names.addAll(GROUPS.get(args[i]));
          } else if (BENCHMARKS.containsKey(args[i])) {
            names.add(args[i]);
          } else {
            throw new IllegalArgumentException(
                "Unknown benchmark '" + args[i] + "'; known: " + BENCHMARKS.keySet()
                    + " and the groups " + GROUPS.keySet());
          }
        }
      }
    }
    if (names.isEmpty()) {
      names = BENCHMARKS.keySet().stream().sorted().collect(Collectors.toList());
    }
    System.out.printf(
        Locale.ROOT, "%-28s %-62s %4s %14s %14s%n",
        "name", "program", "par", "best rec/s", "median rec/s");
    for (String name : names) {
      ThroughputBenchmark benchmark = BENCHMARKS.get(name);
      for (int parallelism : parallelisms) {
        run(benchmark, Math.min(records, 2_000_000L * parallelism), parallelism);
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
          rates[r] = run(benchmark, records, parallelism);
        }
        java.util.Arrays.sort(rates);
        System.out.printf(
            Locale.ROOT,
            "%-28s %-62s %4d %,14.0f %,14.0f%n",
            name,
            benchmark.description(),
            parallelism,
            rates[runs - 1],
            rates[runs / 2]);
      }
    }
  }

  private static double run(ThroughputBenchmark benchmark, long records, int parallelism)
      throws Exception {
    return benchmark.run(records, parallelism);
  }
}
