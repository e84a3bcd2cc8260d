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
 * RocksDB, with checkpoints every second (incremental for RocksDB; aligned or unaligned) or none.
 */
final class KeyedRollingSumBenchmark implements DataStreamBenchmark {
  static final int KEYS = 10_000;

  /** Whether and how the job checkpoints. */
  enum Checkpoints {
    OFF,
    ALIGNED,
    UNALIGNED
  }

  private final String backend;
  private final Checkpoints mode;

  KeyedRollingSumBenchmark(String backend, Checkpoints mode) {
    this.backend = backend;
    this.mode = mode;
  }

  @Override
  public String name() {
    return "keyed"
        + (backend.equals("hashmap") ? "" : "-" + backend)
        + switch (mode) {
          case OFF -> "";
          case ALIGNED -> "-chk";
          case UNALIGNED -> "-chk-unaligned";
        };
  }

  @Override
  public String description() {
    return "keyBy -> rolling sum, " + backend
        + switch (mode) {
          case OFF -> "";
          case ALIGNED -> ", checkpoint every 1 s";
          case UNALIGNED -> ", unaligned checkpoint every 1 s";
        };
  }

  @Override
  public void build(StreamExecutionEnvironment env, long records) {
    Configuration conf = env.getConfiguration();
    conf.set(StateBackendOptions.TYPE, backend);
    if (mode != Checkpoints.OFF) {
      conf.set(CheckpointingOptions.INTERVAL, Duration.ofSeconds(1));
      conf.set(CheckpointingOptions.UNALIGNED, mode == Checkpoints.UNALIGNED);
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
