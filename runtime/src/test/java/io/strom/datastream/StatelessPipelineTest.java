package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatelessPipelineTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void mapsAndFiltersEverySequenceNumberExactlyOnce(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    List<Long> result =
        env.fromSequence(1, 10_000)
            .map(x -> x * 3)
            .filter(x -> x % 2 == 0)
            .rebalance()
            .map(x -> x + 1)
            .executeAndCollect();
    List<Long> expected =
        LongStream.rangeClosed(1, 10_000)
            .map(x -> x * 3)
            .filter(x -> x % 2 == 0)
            .map(x -> x + 1)
            .boxed()
            .collect(Collectors.toList());
    assertThat(result).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void keepsOrderOfACollectionAtParallelismOne() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> result =
        env.fromElements("a", "b", "c", "d").map(s -> s.toUpperCase()).executeAndCollect();
    assertThat(result).containsExactly("A", "B", "C", "D");
  }
}
