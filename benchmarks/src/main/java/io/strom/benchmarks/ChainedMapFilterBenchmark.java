package io.strom.benchmarks;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.runtime.source.lib.GeneratorSource;

/** Source → map → filter → sink, all chained into one task per parallel instance. */
final class ChainedMapFilterBenchmark implements DataStreamBenchmark {

  @Override
  public String name() {
    return "chain";
  }

  @Override
  public String description() {
    return "source -> map -> filter -> sink (chained)";
  }

  @Override
  public void build(StreamExecutionEnvironment env, long records) {
    env.fromSource(
            new GeneratorSource<>(i -> i, records, 0), WatermarkStrategy.noWatermarks(), "generator")
        .map(x -> x + 1)
        .filter(x -> (x & 7) != 0)
        .addSink(x -> {});
  }
}
