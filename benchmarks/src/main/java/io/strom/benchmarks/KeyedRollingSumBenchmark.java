package io.strom.benchmarks;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.configuration.StateBackendOptions;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.runtime.source.lib.GeneratorSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Source → keyBy (a network exchange) → rolling sum in keyed state → sink; on the heap or in
 * RocksDB, with checkpoints every second (incremental for RocksDB) or none.
 */
final class KeyedRollingSumBenchmark implements DataStreamBenchmark {
  static final int KEYS = 10_000;

  private final String backend;
  private final boolean checkpoints;

  KeyedRollingSumBenchmark(String backend, boolean checkpoints) {
    this.backend = backend;
    this.checkpoints = checkpoints;
  }

  @Override
  public String name() {
    return "keyed" + (backend.equals("hashmap") ? "" : "-" + backend) + (checkpoints ? "-chk" : "");
  }

  @Override
  public String description() {
    return "keyBy -> rolling sum, " + backend + (checkpoints ? ", checkpoint every 1 s" : "");
  }

  @Override
  public void build(StreamExecutionEnvironment env, long records) {
    Configuration conf = env.getConfiguration();
    conf.set(StateBackendOptions.TYPE, backend);
    if (checkpoints) {
      conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
      conf.set(CheckpointingOptions.INCREMENTAL, true);
      try {
        conf.set(
            CheckpointingOptions.DIRECTORY,
            Files.createTempDirectory("strom-bench-checkpoints").toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
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
