package io.strom.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.datastream.StreamExecutionEnvironment;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JobGraphBuilderTest {

  private static String vertices(JobGraph job) {
    return job.vertices().stream().map(JobVertex::toString).collect(Collectors.joining(" | "));
  }

  @Test
  void chainsForwardOperatorsOfEqualParallelism() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10).map(x -> x).filter(x -> true).addSink(x -> {});
    JobGraph job = env.getJobGraph("chain");
    assertThat(vertices(job)).isEqualTo("Source: Sequence -> Map -> Filter -> Sink (parallelism 2)");
    assertThat(job.edges()).isEmpty();
  }

  @Test
  void exchangesBreakChainsAndDifferentParallelismRebalances() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSequence(1, 10)
        .keyBy(x -> x % 3)
        .map(x -> x)
        .map(x -> x)
        .setParallelism(3)
        .addSink(x -> {});
    JobGraph job = env.getJobGraph("exchanges");
    assertThat(vertices(job))
        .isEqualTo(
            "Source: Sequence (parallelism 2) | Map (parallelism 2) | Map (parallelism 3)"
                + " | Sink (parallelism 2)");
    assertThat(job.edges().stream().map(e -> e.partitioner().pattern()))
        .containsExactly("HASH", "REBALANCE", "REBALANCE");
  }

  @Test
  void disableChainingGivesAnOperatorItsOwnTask() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSequence(1, 10).map(x -> x).disableChaining().filter(x -> true).addSink(x -> {});
    JobGraph job = env.getJobGraph("unchained");
    assertThat(job.vertices()).hasSize(3);
  }

  @Test
  void parallelismAboveTheMaximumIsRejectedWithTheSettingToChange() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setMaxParallelism(4);
    env.fromSequence(1, 10).map(x -> x).setParallelism(8).addSink(x -> {});
    assertThatThrownBy(() -> env.getJobGraph("too wide"))
        .hasMessageContaining("parallelism 8")
        .hasMessageContaining("pipeline.max-parallelism");
  }
}
