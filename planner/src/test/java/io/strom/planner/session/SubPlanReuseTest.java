package io.strom.planner.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.planner.plan.translate.JobBuilder;
import io.strom.runtime.graph.StreamGraph;
import io.strom.runtime.graph.StreamNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which parts of a query's job are shared: equal sub-plans once, sub-plans that differ only in
 * what EXPLAIN does not print (the partitions a scan reads) each on their own.
 */
class SubPlanReuseTest {
  private final SqlSession session = new SqlSession(new Configuration());

  @BeforeEach
  void createTable(@TempDir Path dir) {
    session.execute("CREATE TABLE regional (item STRING, region STRING) PARTITIONED BY (region)"
        + " WITH ('connector' = 'filesystem', 'path' = '" + dir.toUri() + "', 'format' = 'csv')");
    session.execute("INSERT INTO regional VALUES ('a', 'north'), ('b', 'south'), ('c', 'north')");
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @Test
  void readsTheSameSubqueryOnce() {
    StreamGraph graph = graphOf(
        "SELECT item FROM regional WHERE region = 'north'"
            + " UNION ALL SELECT item FROM regional WHERE region = 'north'");

    assertThat(count(graph, "regional[")).isEqualTo(1);
    assertThat(count(graph, "Calc")).isEqualTo(1);
  }

  /** Both scans print {@code partitions=[1]}, but read different partitions. */
  @Test
  void readsScansOfDifferentPartitionsApart() {
    StreamGraph graph = graphOf(
        "SELECT item FROM regional WHERE region = 'north'"
            + " UNION ALL SELECT item FROM regional WHERE region = 'south'");

    assertThat(count(graph, "regional[")).isEqualTo(2);
  }

  private StreamGraph graphOf(String query) {
    JobBuilder job = new JobBuilder("query", session.settings());
    session.translate(query, job, true);
    return job.graph();
  }

  private static long count(StreamGraph graph, String namePrefix) {
    return graph.nodes().stream().map(StreamNode::name).filter(n -> n.startsWith(namePrefix)).count();
  }
}
