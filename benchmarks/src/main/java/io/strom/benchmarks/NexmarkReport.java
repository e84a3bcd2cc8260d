package io.strom.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command line and the printed table of the Nexmark runners: {@code [--events N]
 * [--parallelism 1,2] [--set key=value ...] [--threads] [q0 q1 ...]} in, one line per query and
 * parallelism out, with events, seconds, events per second, peak heap, and the CPU seconds the
 * process used and the megabytes its Java threads allocated per million events ({@code --threads}
 * adds each busy thread's CPU seconds). Shared so that the Strom and the Apache Flink runner take
 * the same flags and print the same columns.
 */
public final class NexmarkReport {
  /** Threads below this many CPU seconds are left out of {@code --threads}' lines. */
  private static final double BUSY_THREAD_CPU_SECONDS = 0.05;

  private final long events;
  private final List<Integer> parallelisms;
  private final List<String> queries;
  private final Map<String, String> options;
  private final boolean threads;
  private final PrintStream out;

  private NexmarkReport(long events, List<Integer> parallelisms, List<String> queries,
      Map<String, String> options, boolean threads, PrintStream out) {
    this.events = events;
    this.parallelisms = List.copyOf(parallelisms);
    this.queries = List.copyOf(queries);
    this.options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    this.threads = threads;
    this.out = out;
  }

  /** Reads the flags; without queries, all of q0 to q22 run. */
  public static NexmarkReport parse(String[] args, PrintStream out) {
    long events = 10_000_000L;
    List<Integer> parallelisms = List.of(1, 2);
    List<String> queries = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    boolean threads = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--events" -> events = Long.parseLong(args[++i].replace("_", ""));
        case "--parallelism" ->
            parallelisms =
                Stream.of(args[++i].split(",")).map(Integer::parseInt).collect(Collectors.toList());
        case "--set" -> {
          String option = args[++i];
          int eq = option.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--set takes key=value, got '" + option + "'");
          }
          options.put(option.substring(0, eq).trim(), option.substring(eq + 1).trim());
        }
        case "--threads" -> threads = true;
        default -> queries.add(args[i]);
      }
    }
    if (queries.isEmpty()) {
      for (int q = 0; q <= 22; q++) {
        queries.add("q" + q);
      }
    }
    return new NexmarkReport(events, parallelisms, queries, options, threads, out);
  }

  public long events() {
    return events;
  }

  public List<Integer> parallelisms() {
    return parallelisms;
  }

  public List<String> queries() {
    return queries;
  }

  /** Session options set for every query ({@code --set key=value}). */
  public Map<String, String> options() {
    return options;
  }

  public void header() {
    out.printf(Locale.ROOT, "%-5s %4s %12s %9s %14s %10s %12s %12s%n",
        "query", "par", "events", "seconds", "events/s", "peak heap", "cpu s/M ev", "alloc MB/M");
  }

  /** One measured run: its wall-clock seconds and what its watch saw. */
  public void measured(String query, int parallelism, double seconds, RunUsage usage) {
    double millions = events / 1e6;
    out.printf(Locale.ROOT, "%-5s %4d %12d %9.2f %14.0f %8d MB %12.3f %12.0f%n",
        query, parallelism, events, seconds, events / seconds, usage.peakHeapBytes() >> 20,
        usage.processCpuSeconds() / millions, (usage.allocatedBytes() >> 20) / millions);
    if (threads) {
      printBusyThreads(usage);
    }
  }

  /** Each thread that used at least 0.05 CPU seconds, then what the JVM's own threads used. */
  private void printBusyThreads(RunUsage usage) {
    usage.threadCpuSeconds().forEach((name, s) -> {
      if (s >= BUSY_THREAD_CPU_SECONDS) {
        out.printf(Locale.ROOT, "        %8.2f s %8d MB  %s%n",
            s, usage.threadAllocatedBytes().getOrDefault(name, 0L) >> 20, name);
      }
    });
    out.printf(Locale.ROOT, "        %8.2f s  (threads outside Java: garbage collector, JIT)%n",
        usage.processCpuSeconds() - usage.javaThreadCpuSeconds());
  }

  /** A query that failed; {@code why} is printed after the query and parallelism. */
  public void failed(String query, int parallelism, String why) {
    out.printf(Locale.ROOT, "%-5s %4d %s%n", query, parallelism, why);
  }

  /** The first line of an exception message, or an empty string. */
  public static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
