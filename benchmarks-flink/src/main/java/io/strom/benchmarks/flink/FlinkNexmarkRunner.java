package io.strom.benchmarks.flink;

import io.strom.benchmarks.NexmarkFiles;
import io.strom.benchmarks.NexmarkReport;
import io.strom.benchmarks.RunWatch;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableException;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.ValidationException;

/**
 * The Apache Flink baseline of Strom's Nexmark runner: the same query files over the same events,
 * run on Flink's local cluster, printed in the same columns.
 *
 * <pre>
 * bin/flink-nexmark [--events N] [--parallelism 1,2] [q0 q1 ...]
 * </pre>
 *
 * Each query runs in a fresh streaming {@link TableEnvironment} with {@code parallelism.default}
 * set and Flink's defaults otherwise, timed as Strom's runner times its own: from the first
 * statement of the query's file to the end of its job, the start of Flink's local cluster
 * included, as Strom's embedded cluster also starts with the first job.
 */
public final class FlinkNexmarkRunner {
  private FlinkNexmarkRunner() {}

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
    TableEnvironment env = environment(parallelism);
    report.options().forEach(env.getConfig()::set);
    for (String statement : FlinkNexmarkScript.read("ddl.sql")) {
      env.executeSql(statement);
    }
    for (String statement : FlinkNexmarkScript.read("views.sql")) {
      env.executeSql(statement);
    }
    env.executeSql("ALTER TABLE datagen SET ('events.num' = '" + report.events() + "')");
    List<String> script = FlinkNexmarkScript.query(query);
    NexmarkFiles.prepare(query);
    System.gc();
    RunWatch watch = RunWatch.start();
    long start = System.nanoTime();
    try {
      for (String statement : script) {
        TableResult result = env.executeSql(statement);
        if (result.getJobClient().isPresent()) {
          result.await();
        }
      }
    } catch (Exception e) {
      watch.stop();
      report.failed(query, parallelism, "does not run on Flink: " + reason(e));
      return;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    report.measured(query, parallelism, seconds, watch.stop());
  }

  /** A streaming table environment on a local cluster of the given parallelism. */
  static TableEnvironment environment(int parallelism) {
    Configuration settings = new Configuration();
    settings.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
    return TableEnvironment.create(
        EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(settings).build());
  }

  /**
   * What went wrong, in one line: the planner's own message when Flink refuses the query, the
   * innermost cause when its job fails.
   */
  static String reason(Throwable failure) {
    if (failure instanceof TableException || failure instanceof ValidationException) {
      // Some planner messages go on to print the plan, announced at the end of the first line.
      return NexmarkReport.firstLine(failure.getMessage())
          .replace(" The physical plan is:", "").strip();
    }
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName() + ": " + NexmarkReport.firstLine(cause.getMessage());
  }
}
