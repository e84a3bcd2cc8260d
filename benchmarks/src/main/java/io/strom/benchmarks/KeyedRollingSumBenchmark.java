package io.strom.benchmarks;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.runtime.source.lib.GeneratorSource;

/** Source → keyBy (a network exchange) → rolling sum in keyed state → sink. */
final class KeyedRollingSumBenchmark implements DataStreamBenchmark {
  static final int KEYS = 10_000;

  @Override
  public String name() {
    return "keyed";
  }

  @Override
  public String description() {
    return "source -> keyBy -> rolling sum (keyed state) -> sink";
  }

  @Override
  public void build(StreamExecutionEnvironment env, long records) {
    env.fromSource(
            new GeneratorSource<>(i -> i, records, 0),
            WatermarkStrategy.noWatermarks(),
            "generator",
            Types.LONG)
        .keyBy(x -> x % KEYS)
        .reduce(Long::sum)
        .addSink(x -> {});
  }
}
