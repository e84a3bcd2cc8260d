package io.strom.benchmarks;

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
 * </pre>
 *
 * Each benchmark runs once to warm up the JIT, then {@code runs} times; the best and median runs
 * are reported. Timing covers the whole job, from submission to the end of the last task.
 *
 * <p>{@code bin/strom-bench checkpoint ...} and {@code bin/strom-bench recovery ...} run the
 * checkpoint benchmarks instead ({@link CheckpointSizeBenchmark}, {@link RecoveryTimeBenchmark}).
 */
public final class BenchmarkRunner {
  private static final Map<String, ThroughputBenchmark> BENCHMARKS =
      Stream.of(
              new ChainedMapFilterBenchmark(),
              new KeyedRollingSumBenchmark("hashmap", false),
              new KeyedRollingSumBenchmark("hashmap", true),
              new KeyedRollingSumBenchmark("rocksdb", false),
              new KeyedRollingSumBenchmark("rocksdb", true),
              new KeyedWindowCountBenchmark(),
              new SqlFilterProjectBenchmark(SqlFilterProjectBenchmark.Input.JSON_FILE),
              new SqlFilterProjectBenchmark(SqlFilterProjectBenchmark.Input.DATAGEN))
          .collect(Collectors.toMap(ThroughputBenchmark::name, Function.identity()));

  private BenchmarkRunner() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("checkpoint")) {
      CheckpointSizeBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
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
          if (!BENCHMARKS.containsKey(args[i])) {
            throw new IllegalArgumentException(
                "Unknown benchmark '" + args[i] + "'; known: " + BENCHMARKS.keySet());
          }
          names.add(args[i]);
        }
      }
    }
    if (names.isEmpty()) {
      names = BENCHMARKS.keySet().stream().sorted().collect(Collectors.toList());
    }
    System.out.printf(
        Locale.ROOT, "%-18s %-54s %4s %14s %14s%n", "name", "program", "par", "best rec/s", "median rec/s");
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
            "%-18s %-54s %4d %,14.0f %,14.0f%n",
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
