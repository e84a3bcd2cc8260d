package io.strom.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.OutputTag;
import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.AggregateFunction;
import io.strom.api.functions.Collector;
import io.strom.datastream.functions.ProcessFunction;
import io.strom.datastream.sink.CollectSink;
import io.strom.datastream.windowing.ProcessWindowFunction;
import io.strom.datastream.windowing.assigners.EventTimeSessionWindows;
import io.strom.datastream.windowing.assigners.SlidingEventTimeWindows;
import io.strom.datastream.windowing.assigners.TumblingEventTimeWindows;
import io.strom.datastream.windowing.windows.TimeWindow;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Window programs run end to end on the embedded cluster, from bounded sources to collected
 * results.
 */
class WindowEndToEndTest {

  /** A click of a user at an event time. */
  record Click(String user, long time) implements Serializable {}

  /** Counts elements. */
  static final class Count<T> implements AggregateFunction<T, long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(T value, long[] acc) {
      acc[0]++;
      return acc;
    }

    @Override
    public Long getResult(long[] acc) {
      return acc[0];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      return a;
    }
  }

  /** Emits "key@[start,end)=result". */
  static final class Label<V> extends ProcessWindowFunction<V, String, String, TimeWindow> {
    @Override
    public void process(String key, Context ctx, Iterable<V> values, Collector<String> out) {
      for (V v : values) {
        out.collect(key + "@[" + ctx.window().start() + "," + ctx.window().end() + ")=" + v);
      }
    }
  }

  /** Emits "user[times]" with the click times in arrival order. */
  static final class ClickTimes extends ProcessWindowFunction<Click, String, String, TimeWindow> {
    @Override
    public void process(String user, Context ctx, Iterable<Click> clicks, Collector<String> out) {
      List<Long> times = new ArrayList<>();
      clicks.forEach(c -> times.add(c.time()));
      out.collect(user + times);
    }
  }

  /** Emits "user[times]@windowEnd" with the click times sorted. */
  static final class SortedClickTimes
      extends ProcessWindowFunction<Click, String, String, TimeWindow> {
    @Override
    public void process(String user, Context ctx, Iterable<Click> clicks, Collector<String> out) {
      List<Long> times = new ArrayList<>();
      clicks.forEach(c -> times.add(c.time()));
      times.sort(null);
      out.collect(user + times + "@" + ctx.window().end());
    }
  }

  /** Emits "time@timestamp" of each click. */
  static final class TimeAndTimestamp extends ProcessFunction<Click, String> {
    @Override
    public void processElement(Click click, Context ctx, Collector<String> out) {
      out.collect(click.time() + "@" + ctx.timestamp());
    }
  }

  private static DataStream<Click> clicks(StreamExecutionEnvironment env, Click... clicks) {
    return env.fromElements(clicks)
        .assignTimestampsAndWatermarks(
            WatermarkStrategy.<Click>forMonotonousTimestamps()
                .withTimestampAssigner((click, ts) -> click.time()));
  }

  @Test
  void endOfBoundedInputFiresEveryWindow() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<String> result =
        clicks(
                env,
                new Click("ann", 1_000),
                new Click("bob", 2_000),
                new Click("ann", 4_999),
                new Click("ann", 5_000),
                new Click("bob", 61_000))
            .keyBy(Click::user)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
            .aggregate(new Count<>(), new Label<>())
            .executeAndCollect();
    assertThat(result)
        .containsExactlyInAnyOrder(
            "ann@[0,5000)=2", "bob@[0,5000)=1", "ann@[5000,10000)=1", "bob@[60000,65000)=1");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void countsEveryElementOnceInParallelTumblingWindows(int parallelism) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    List<Long> counts =
        env.fromSequence(0, 99_999)
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofDays(1))
                    .withTimestampAssigner((x, ts) -> x))
            .keyBy(x -> x % 7)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000)))
            .aggregate(new Count<>())
            .executeAndCollect();
    // 100 windows per key, 7 keys; every element counted exactly once.
    assertThat(counts).hasSize(700);
    assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(100_000);
  }

  @Test
  void slidingWindowsCountEachElementInEveryWindowItFallsInto() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    List<String> result =
        clicks(env, new Click("ann", 0), new Click("ann", 7), new Click("ann", 12))
            .keyBy(Click::user)
            .window(SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))
            .aggregate(new Count<>(), new Label<>())
            .executeAndCollect();
    assertThat(result)
        .containsExactlyInAnyOrder("ann@[-5,5)=1", "ann@[0,10)=2", "ann@[5,15)=2", "ann@[10,20)=1");
  }

  @Test
  void sessionsMergeAcrossABridgingClick() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.setAutoWatermarkInterval(0);
    List<String> result =
        env.fromElements(
                new Click("ann", 0),
                new Click("ann", 25),
                new Click("bob", 3),
                new Click("ann", 12),
                new Click("ann", 100))
            .assignTimestampsAndWatermarks(
                WatermarkStrategy.<Click>forBoundedOutOfOrderness(Duration.ofMillis(20))
                    .withTimestampAssigner((click, ts) -> click.time()))
            .keyBy(Click::user)
            .window(EventTimeSessionWindows.withGap(Duration.ofMillis(15)))
            .aggregate(new Count<>(), new Label<>())
            .executeAndCollect();
    assertThat(result).containsExactlyInAnyOrder("ann@[0,40)=3", "bob@[3,18)=1", "ann@[100,115)=1");
  }

  @Test
  void lateClicksGoToTheSideOutputAndAllowedLatenessUpdatesTheResult() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.setAutoWatermarkInterval(0);
    OutputTag<Click> late = new OutputTag<>("late-clicks");
    SingleOutputStreamOperator<String> counts =
        clicks(
                env,
                new Click("ann", 1_000),
                new Click("ann", 10_500), // watermark 10_499: [0, 10_000) fires
                new Click("ann", 2_000), // within 1 s of lateness: fires again with 2
                new Click("ann", 11_500), // watermark 11_499: [0, 10_000) is removed
                new Click("ann", 3_000)) // too late
            .keyBy(Click::user)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
            .allowedLateness(Duration.ofSeconds(1))
            .sideOutputLateData(late)
            .aggregate(new Count<>(), new Label<>());
    CollectSink<String> main = new CollectSink<>();
    CollectSink<Click> lateSink = new CollectSink<>();
    counts.sinkTo(main).setParallelism(1);
    counts.getSideOutput(late).sinkTo(lateSink).setParallelism(1);
    env.execute("late clicks");
    assertThat(main.results())
        .containsExactly("ann@[0,10000)=1", "ann@[0,10000)=2", "ann@[10000,20000)=2");
    assertThat(lateSink.results()).containsExactly(new Click("ann", 3_000));
  }

  @Test
  void processSeesAllElementsOfTheWindowInArrivalOrder() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> result =
        clicks(env, new Click("ann", 3), new Click("ann", 1), new Click("bob", 2))
            .keyBy(Click::user)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .process(new ClickTimes())
            .executeAndCollect();
    assertThat(result).containsExactlyInAnyOrder("ann[3, 1]", "bob[2]");
  }

  @Test
  void reduceOutputCarriesTheWindowMaxTimestampDownstream() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    List<String> result =
        clicks(env, new Click("ann", 3), new Click("ann", 1), new Click("ann", 14))
            .keyBy(Click::user)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .reduce((a, b) -> new Click(a.user(), Math.max(a.time(), b.time())))
            .process(new TimeAndTimestamp())
            .executeAndCollect();
    assertThat(result).containsExactlyInAnyOrder("3@9", "14@19");

    List<String> sessions =
        clicks(env, new Click("ann", 3), new Click("ann", 1), new Click("ann", 14))
            .keyBy(Click::user)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .reduce((a, b) -> new Click(a.user(), Math.max(a.time(), b.time())))
            .keyBy(Click::user)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
            .process(new SortedClickTimes())
            .executeAndCollect();
    assertThat(sessions).containsExactly("ann[3, 14]@100");
  }
}
