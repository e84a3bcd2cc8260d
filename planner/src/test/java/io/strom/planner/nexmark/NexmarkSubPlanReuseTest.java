package io.strom.planner.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.configuration.Configuration;
import io.strom.planner.plan.translate.JobBuilder;
import io.strom.planner.session.SqlSession;
import io.strom.runtime.graph.JobGraphBuilder;
import io.strom.runtime.graph.StreamGraph;
import io.strom.runtime.graph.StreamNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nexmark q5 reads the same HOP window aggregation of bids twice (once per side of its join, the
 * other side taking the MAX of its counts): with sub-plan reuse the job generates the events and
 * counts the bids per window once, and both sides read the one count; without it, the job holds
 * two sources and two counts (three window aggregations with the MAX).
 */
class NexmarkSubPlanReuseTest {
  private static final NexmarkRun RUN =
      new NexmarkRun(100, 10, Instant.parse("2024-03-01T00:00:00Z").toEpochMilli(), 1);

  private final SqlSession session = new SqlSession(new Configuration());

  @BeforeEach
  void createTables() {
    RUN.createTables(session);
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  @Test
  void q5ReadsBidsAndAggregatesWindowsOnce() {
    StreamGraph graph = q5Graph();

    assertThat(sources(graph)).isEqualTo(1);
    assertThat(nodesNamed(graph, "WindowAggregate")).isEqualTo(2);
  }

  @Test
  void q5RunsEachReferenceItselfWithoutSubPlanReuse() {
    int sharedVertices = JobGraphBuilder.build(q5Graph()).vertices().size();
    session.execute("SET 'table.optimizer.reuse-sub-plan-enabled' = 'false'");
    StreamGraph graph = q5Graph();

    assertThat(sources(graph)).isEqualTo(2);
    assertThat(nodesNamed(graph, "WindowAggregate")).isEqualTo(3);
    assertThat(JobGraphBuilder.build(graph).vertices().size()).isGreaterThan(sharedVertices);
  }

  @Test
  void q5ReadsBidsTwiceWithoutSourceReuse() {
    session.execute("SET 'table.optimizer.reuse-source-enabled' = 'false'");
    StreamGraph graph = q5Graph();

    assertThat(sources(graph)).isEqualTo(2);
    assertThat(nodesNamed(graph, "WindowAggregate")).isEqualTo(3);
  }

  /** The views of bids and of auctions read the one table through different pushed filters. */
  @Test
  void readsTheTableOncePerPushedFilter() {
    StreamGraph graph =
        graphOf("SELECT auction FROM bid UNION ALL SELECT id FROM auction UNION ALL"
            + " SELECT auction FROM bid");

    assertThat(sources(graph)).isEqualTo(2);
  }

  private StreamGraph q5Graph() {
    return graphOf(NexmarkRun.selectOf(5));
  }

  private StreamGraph graphOf(String query) {
    JobBuilder job = new JobBuilder("query", session.settings());
    session.translate(query, job, true);
    return job.graph();
  }

  private static long sources(StreamGraph graph) {
    return graph.nodes().stream().filter(StreamNode::isSource).count();
  }

  private static long nodesNamed(StreamGraph graph, String name) {
    return graph.nodes().stream().filter(n -> n.name().equals(name)).count();
  }
}
