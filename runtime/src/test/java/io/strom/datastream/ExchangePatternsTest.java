package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.OutputTag;
import io.strom.api.functions.Collector;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.Configuration;
import io.strom.configuration.MemorySize;
import io.strom.configuration.TaskManagerOptions;
import io.strom.datastream.functions.CoMapFunction;
import io.strom.datastream.functions.ProcessFunction;
import io.strom.datastream.functions.RichMapFunction;
import io.strom.api.functions.RuntimeContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ExchangePatternsTest {

  @Test
  void broadcastDeliversEveryElementToEveryParallelInstance() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> result =
        env.fromElements(1L, 2L, 3L)
            .broadcast()
            .map(new TagWithSubtask())
            .setParallelism(3)
            .executeAndCollect();
    assertThat(result)
        .containsExactlyInAnyOrder(
            "0:1", "0:2", "0:3", "1:1", "1:2", "1:3", "2:1", "2:2", "2:3");
  }

  @Test
  void globalSendsEverythingToTheFirstInstance() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
    List<String> result =
        env.fromSequence(1, 30).global().map(new TagWithSubtask()).executeAndCollect();
    assertThat(result).hasSize(30).allMatch(s -> s.startsWith("0:"));
  }

  @Test
  void rebalanceSpreadsElementsOverAllInstances() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> result =
        env.fromSequence(1, 300)
            .rebalance()
            .map(new TagWithSubtask())
            .setParallelism(3)
            .executeAndCollect();
    assertThat(result.stream().filter(s -> s.startsWith("0:"))).hasSize(100);
    assertThat(result.stream().filter(s -> s.startsWith("1:"))).hasSize(100);
    assertThat(result.stream().filter(s -> s.startsWith("2:"))).hasSize(100);
  }

  @Test
  void unionMergesStreamsIncludingAStreamWithItself() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> a = env.fromSequence(1, 5);
    DataStream<Long> b = env.fromSequence(100, 102);
    List<Long> result = a.union(b, a).map(x -> x).executeAndCollect();
    assertThat(result)
        .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 100L, 101L, 102L, 1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void connectedStreamsOfDifferentTypesMeetInOneOperator() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    DataStream<Long> numbers = env.fromSequence(1, 3);
    DataStream<String> words = env.fromElements("x", "y");
    List<String> result =
        numbers
            .connect(words)
            .map(new PrefixByInput())
            .executeAndCollect();
    assertThat(result).containsExactlyInAnyOrder("n1", "n2", "n3", "wx", "wy");
  }

  @Test
  void sideOutputCarriesWhatTheFunctionRoutesThere() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    OutputTag<String> odd = new OutputTag<>("odd", Types.STRING);
    SingleOutputStreamOperator<Long> evens =
        env.fromSequence(1, 10)
            .process(new SplitOddToSide(odd));
    DataStream<String> odds = evens.getSideOutput(odd).rebalance().map(s -> s.toUpperCase());
    List<String> all = evens.map(x -> "even " + x).union(odds).executeAndCollect();
    assertThat(all)
        .containsExactlyInAnyOrder(
            "even 2", "even 4", "even 6", "even 8", "even 10",
            "ODD 1", "ODD 3", "ODD 5", "ODD 7", "ODD 9");
  }

  @Test
  void recordsLargerThanANetworkBufferSurviveTheExchange() throws Exception {
    Configuration conf = new Configuration();
    conf.set(TaskManagerOptions.SEGMENT_SIZE, MemorySize.parse("64 b"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    Random random = new Random(7);
    List<String> input = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      input.add(i + ":" + "x".repeat(random.nextInt(300)));
    }
    List<String> result =
        env.fromCollection(input).rebalance().map(s -> s).setParallelism(2).executeAndCollect();
    assertThat(result).containsExactlyInAnyOrderElementsOf(input);
  }

  @Test
  void everyElementArrivesAtParallelismFourThroughTwoExchanges() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(4);
    List<Long> result =
        env.fromSequence(0, 199_999)
            .rebalance()
            .map(x -> x * 2)
            .setParallelism(3)
            .rebalance()
            .filter(x -> true)
            .setParallelism(2)
            .executeAndCollect();
    List<Long> sorted = new ArrayList<>(result);
    Collections.sort(sorted);
    assertThat(sorted)
        .isEqualTo(LongStream.range(0, 200_000).map(x -> x * 2).boxed().collect(Collectors.toList()));
  }

  /** Prefixes elements by the input they came from. */
  static final class PrefixByInput implements CoMapFunction<Long, String, String> {
    @Override
    public String map1(Long value) {
      return "n" + value;
    }

    @Override
    public String map2(String value) {
      return "w" + value;
    }
  }

  /** Emits even numbers, and odd ones as text to a side output. */
  static final class SplitOddToSide extends ProcessFunction<Long, Long> {
    private final OutputTag<String> odd;

    SplitOddToSide(OutputTag<String> odd) {
      this.odd = odd;
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<Long> out) {
      if (value % 2 == 0) {
        out.collect(value);
      } else {
        ctx.output(odd, "odd " + value);
      }
    }
  }

  /** Tags each element with the index of the instance that saw it. */
  static final class TagWithSubtask extends RichMapFunction<Long, String> {
    private transient int subtask;

    @Override
    public void open(RuntimeContext context) {
      subtask = context.subtaskIndex();
    }

    @Override
    public String map(Long value) {
      return subtask + ":" + value;
    }
  }
}
