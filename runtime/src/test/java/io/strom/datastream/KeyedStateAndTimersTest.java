package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.Collector;
import io.strom.api.functions.RuntimeContext;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.datastream.functions.KeyedCoProcessFunction;
import io.strom.datastream.functions.KeyedProcessFunction;
import io.strom.datastream.functions.TimeDomain;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.source.lib.GeneratorSource;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyedStateAndTimersTest {

  record WordCount(String word, long count) implements Serializable {}

  private static final String[] TEXT = {
    "to be or not to be", "that is the question", "whether tis nobler in the mind to suffer",
    "the slings and arrows of outrageous fortune", "or to take arms against a sea of troubles",
    "and by opposing end them", "to die to sleep", "no more and by a sleep to say we end"
  };

  private static Map<String, Long> wordCount(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      lines.addAll(Arrays.asList(TEXT));
    }
    List<WordCount> updates =
        env.fromCollection(lines)
            .rebalance()
            .<WordCount>flatMap(
                (line, out) -> {
                  for (String word : line.split(" ")) {
                    out.collect(new WordCount(word, 1));
                  }
                })
            .keyBy(WordCount::word)
            .reduce((a, b) -> new WordCount(a.word(), a.count() + b.count()))
            .executeAndCollect();
    // The running count of a key only grows, so its final value is its largest.
    return updates.stream()
        .collect(Collectors.toMap(WordCount::word, WordCount::count, Math::max, TreeMap::new));
  }

  @Test
  void wordCountIsTheSameAtParallelismOneAndFour() throws Exception {
    Map<String, Long> expected =
        Arrays.stream(TEXT)
            .flatMap(l -> Arrays.stream(l.split(" ")))
            .collect(Collectors.groupingBy(w -> w, TreeMap::new, Collectors.counting()));
    expected.replaceAll((w, c) -> c * 500);

    assertThat(wordCount(1)).isEqualTo(expected);
    assertThat(wordCount(4)).isEqualTo(expected);
  }

  /** Counts elements per key in keyed value state and emits "key:count". */
  static final class CountPerKey extends KeyedProcessFunction<Long, Long, String> {
    private transient ValueState<Long> count;

    @Override
    public void open(RuntimeContext context) {
      count = context.getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) {
      Long current = count.value();
      long next = current == null ? 1 : current + 1;
      count.update(next);
      out.collect(ctx.getCurrentKey() + ":" + next);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void keyedStateIsSeparatePerKey(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    List<String> result =
        env.fromSequence(0, 599).keyBy(x -> x % 6).process(new CountPerKey()).executeAndCollect();
    List<String> expected = new ArrayList<>();
    for (long key = 0; key < 6; key++) {
      for (int n = 1; n <= 100; n++) {
        expected.add(key + ":" + n);
      }
    }
    assertThat(result).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Sets an event-time timer 10 ms after each element; reports key, time and watermark on firing. */
  static final class TimerAfterTen extends KeyedProcessFunction<String, Long, String> {
    @Override
    public void processElement(Long ts, Context ctx, Collector<String> out) {
      ctx.timerService().registerEventTimeTimer(ts + 10);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      boolean onTime = ctx.timerService().currentWatermark() >= timestamp;
      out.collect(
          ctx.getCurrentKey() + "@" + timestamp + (ctx.timeDomain() == TimeDomain.EVENT_TIME && onTime
              ? "" : " wrong"));
    }
  }

  @Test
  void eventTimeTimersFireOncePerKeyAndTimeWhenTheWatermarkPasses() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setAutoWatermarkInterval(0);
    List<Long> times = List.of(100L, 105L, 100L, 150L, 300L, 301L);
    List<String> result =
        env.fromCollection(times)
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((t, r) -> t))
            .keyBy(t -> t % 2 == 0 ? "even" : "odd")
            .process(new TimerAfterTen())
            .executeAndCollect();
    // Equal (key, time) timers fire once: "even@110" was registered twice.
    assertThat(result)
        .containsExactlyInAnyOrder("even@110", "odd@115", "even@160", "even@310", "odd@311");
  }

  private static final ConcurrentLinkedQueue<String> FIRED = new ConcurrentLinkedQueue<>();

  /** Sets one processing-time timer per key, 20 ms ahead, the first time it sees the key. */
  static final class ProcessingTimeOnce extends KeyedProcessFunction<Long, Long, String> {
    private transient ValueState<Boolean> armed;

    @Override
    public void open(RuntimeContext context) {
      armed = context.getState(new ValueStateDescriptor<>("armed", Types.BOOLEAN));
    }

    @Override
    public void processElement(Long value, Context ctx, Collector<String> out) {
      if (armed.value() == null) {
        armed.update(true);
        ctx.timerService()
            .registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 20);
      }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
      FIRED.add(ctx.getCurrentKey() + " " + ctx.timeDomain());
    }
  }

  @Test
  void processingTimeTimersFireOnTheWallClock() throws Exception {
    FIRED.clear();
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.fromSource(
            new GeneratorSource<>(i -> i % 4, GeneratorSource.UNBOUNDED, 2_000),
            WatermarkStrategy.noWatermarks(),
            "slow keys")
        .keyBy(k -> k)
        .process(new ProcessingTimeOnce())
        .addSink(x -> {});
    JobClient client = env.executeAsync("processing time");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (FIRED.size() < 4 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } finally {
      client.cancel().get(10, TimeUnit.SECONDS);
    }
    assertThat(FIRED)
        .containsExactlyInAnyOrder(
            "0 PROCESSING_TIME", "1 PROCESSING_TIME", "2 PROCESSING_TIME", "3 PROCESSING_TIME");
  }

  /**
   * Joins each order with its product's price, whichever arrives first: both inputs read and
   * write the same keyed state.
   */
  static final class PriceJoin extends KeyedCoProcessFunction<String, String, String, String> {
    private transient ValueState<String> price;
    private transient ValueState<Long> waitingOrders;

    @Override
    public void open(RuntimeContext context) {
      price = context.getState(new ValueStateDescriptor<>("price", Types.STRING));
      waitingOrders = context.getState(new ValueStateDescriptor<>("waiting", Types.LONG));
    }

    @Override
    public void processElement1(String product, Context ctx, Collector<String> out) {
      if (price.value() != null) {
        out.collect(product + "=" + price.value());
      } else {
        Long waiting = waitingOrders.value();
        waitingOrders.update(waiting == null ? 1 : waiting + 1);
      }
    }

    @Override
    public void processElement2(String priceUpdate, Context ctx, Collector<String> out) {
      String value = priceUpdate.split(":")[1];
      price.update(value);
      Long waiting = waitingOrders.value();
      for (long i = 0; waiting != null && i < waiting; i++) {
        out.collect(ctx.getCurrentKey() + "=" + value);
      }
      waitingOrders.clear();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void keyedCoProcessSharesTheStateOfAKeyBetweenBothInputs(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    DataStream<String> prices = env.fromElements("apple:3", "pear:5", "plum:7");
    List<String> result =
        env.fromElements("apple", "pear", "fig", "apple")
            .connect(prices)
            .keyBy(o -> o, p -> p.split(":")[0])
            .process(new PriceJoin())
            .executeAndCollect();
    assertThat(result).containsExactlyInAnyOrder("apple=3", "apple=3", "pear=5");
  }
}
