package io.strom.benchmarks;

import io.strom.configuration.Configuration;
import io.strom.planner.session.SqlSession;

/**
 * Runs Nexmark queries over generated events with no rate limit and prints, per query and
 * parallelism: events, seconds, events per second and the peak heap seen while it ran.
 *
 * <pre>
 * bin/strom-nexmark [--events N] [--parallelism 1,2] [--set key=value ...] [--threads] [q0 q1 ...]
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
  private NexmarkRunner() {}

  public static void main(String[] args) throws Exception {
    NexmarkReport report = NexmarkReport.parse(args, System.out);
    report.header();
    for (String query : report.queries()) {
      for (int parallelism : report.parallelisms()) {
        run(report, query, parallelism);
      }
    }
  }

  private static void run(NexmarkReport report, String query, int parallelism) throws Exception {
    Configuration settings = new Configuration();
    report.options().forEach(settings::setString);
    settings.setString("parallelism.default", Integer.toString(parallelism));
    try (SqlSession session = new SqlSession(settings)) {
      session.executeScript(NexmarkFiles.read("ddl.sql"));
      session.executeScript(NexmarkFiles.read("views.sql"));
      session.execute("ALTER TABLE datagen SET ('events.num' = '" + report.events() + "')");
      String script = NexmarkFiles.query(query);
      NexmarkFiles.prepare(query);
      System.gc();
      RunWatch watch = RunWatch.start();
      long start = System.nanoTime();
      try {
        session.executeScript(script);
      } catch (RuntimeException e) {
        watch.stop();
        report.failed(query, parallelism, "does not run: " + NexmarkReport.firstLine(e.getMessage()));
        return;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      report.measured(query, parallelism, seconds, watch.stop());
    }
  }
}
