package io.strom.benchmarks;

import io.strom.configuration.Configuration;
import io.strom.planner.session.SqlSession;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs Nexmark queries over generated events with no rate limit and prints, per query and
 * parallelism: events, seconds, events per second and the peak heap seen while it ran.
 *
 * <pre>
 * bin/strom-nexmark [--events N] [--parallelism 1,2] [--set key=value ...] [q0 q1 ...]
 * </pre>
 *
 * {@code --set} sets a session option for every query, e.g. {@code --set
 * table.exec.mini-batch.enabled=true}; it may be repeated.
 *
 * The DDL, views and queries are the SQL files shipped with the benchmarks, read from the
 * classpath; each query runs in a fresh session on the embedded cluster, timed from submission
 * to the end of its job.
 */
public final class NexmarkRunner {
  private static final String ROOT = "/nexmark/";

  private NexmarkRunner() {}

  public static void main(String[] args) throws Exception {
    long events = 10_000_000L;
    List<Integer> parallelisms = List.of(1, 2);
    List<String> queries = new ArrayList<>();
    java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
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
        default -> queries.add(args[i]);
      }
    }
    if (queries.isEmpty()) {
      for (int q = 0; q <= 22; q++) {
        queries.add("q" + q);
      }
    }
    System.out.printf(Locale.ROOT, "%-5s %4s %12s %9s %14s %10s%n",
        "query", "par", "events", "seconds", "events/s", "peak heap");
    for (String query : queries) {
      for (int parallelism : parallelisms) {
        run(query, parallelism, events, options);
      }
    }
  }

  private static void run(
      String query, int parallelism, long events, java.util.Map<String, String> options)
      throws Exception {
    Configuration settings = new Configuration();
    options.forEach(settings::setString);
    settings.setString("parallelism.default", Integer.toString(parallelism));
    try (SqlSession session = new SqlSession(settings)) {
      session.executeScript(resource("ddl.sql"));
      session.executeScript(resource("views.sql"));
      session.execute("ALTER TABLE datagen SET ('events.num' = '" + events + "')");
      String script = resource("queries/" + query + ".sql");
      if (query.equals("q13")) {
        // q13 joins the bids with a side input file at the path its DDL names.
        java.nio.file.Path side = java.nio.file.Path.of("/tmp/nexmark/side_input.csv");
        java.nio.file.Files.createDirectories(side.getParent());
        java.nio.file.Files.writeString(side, resource("side_input.csv"));
      }
      System.gc();
      HeapWatch heap = HeapWatch.start();
      long start = System.nanoTime();
      try {
        session.executeScript(script);
      } catch (RuntimeException e) {
        heap.stop();
        System.out.printf(Locale.ROOT, "%-5s %4d %s%n", query, parallelism,
            "does not run: " + firstLine(e.getMessage()));
        return;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long peak = heap.stop();
      System.out.printf(Locale.ROOT, "%-5s %4d %12d %9.2f %14.0f %8d MB%n",
          query, parallelism, events, seconds, events / seconds, peak >> 20);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = NexmarkRunner.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No Nexmark file " + name + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** Samples the used heap every 50 ms on a daemon thread, keeping the largest value. */
  private static final class HeapWatch implements Runnable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong peak = new AtomicLong();
    private Thread thread;

    static HeapWatch start() {
      HeapWatch watch = new HeapWatch();
      watch.thread = new Thread(watch, "heap-watch");
      watch.thread.setDaemon(true);
      watch.thread.start();
      return watch;
    }

    @Override
    public void run() {
      while (running.get()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long stop() {
      running.set(false);
      thread.interrupt();
      return peak.get();
    }
  }
}
