package io.strom.benchmarks;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.AggregateFunction;
import io.strom.api.typeinfo.Types;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.datastream.windowing.assigners.TumblingEventTimeWindows;
import io.strom.runtime.source.lib.GeneratorSource;
import java.time.Duration;

/**
 * Source → keyBy → tumbling event-time window count → sink. Record {@code i} has event time
 * {@code i / 1000} ms, so a one-second window holds a million records spread over {@value #KEYS}
 * keys: about a hundred per key per window.
 */
final class KeyedWindowCountBenchmark implements DataStreamBenchmark {
  static final int KEYS = 10_000;

  @Override
  public String name() {
    return "window";
  }

  @Override
  public String description() {
    return "source -> keyBy -> tumbling event-time window count -> sink";
  }

  @Override
  public void build(StreamExecutionEnvironment env, long records) {
    env.fromSource(
            new GeneratorSource<>(i -> i, records, 0),
            WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((x, ts) -> x / 1000),
            "generator",
            Types.LONG)
        .keyBy(x -> x % KEYS)
        .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
        .aggregate(new Count())
        .addSink(x -> {});
  }

  /** Counts the records of a window. */
  static final class Count implements AggregateFunction<Long, long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(Long value, long[] accumulator) {
      accumulator[0]++;
      return accumulator;
    }

    @Override
    public Long getResult(long[] accumulator) {
      return accumulator[0];
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      a[0] += b[0];
      return a;
    }
  }
}
