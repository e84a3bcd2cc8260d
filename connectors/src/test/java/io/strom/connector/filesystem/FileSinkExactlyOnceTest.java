package io.strom.connector.filesystem;

import static io.strom.connector.ConnectorTesting.sink;
import static io.strom.types.DataTypes.BIGINT;
import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.ROW;
import static io.strom.types.DataTypes.notNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.functions.FilterFunction;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.PipelineOptions;
import io.strom.configuration.RestartStrategyOptions;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.types.RowType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filesystem sink is exactly-once: a job killed mid-run and restored from its checkpoint
 * leaves every row in the visible part files exactly once, and a reader watching the directory
 * never sees a file that later changes (uncommitted rows stay in hidden files).
 */
class FileSinkExactlyOnceTest {
  private static final long ROWS = 120_000;
  private static final RowType TYPE = ROW(FIELD("id", notNull(BIGINT())));
  private static final AtomicBoolean FAILED = new AtomicBoolean();

  @TempDir Path output;
  @TempDir Path checkpoints;

  /** Fails its task once, at one row in the middle of the input. */
  static final class FailOnce implements FilterFunction<Row> {
    @Override
    public boolean filter(Row row) {
      if (row.getLong(0) == ROWS * 3 / 4 && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure at row " + row.getLong(0));
      }
      return true;
    }
  }

  @Test
  void killedJobWritesEveryRowExactlyOnceAndReadersSeeOnlyCommittedFiles() throws Exception {
    FAILED.set(false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    env.getConfiguration().set(CheckpointingOptions.INTERVAL, Duration.ofMillis(50));
    env.getConfiguration().set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    env.getConfiguration().set(PipelineOptions.BUFFER_TIMEOUT, Duration.ofMillis(5));
    env.getConfiguration().set(RestartStrategyOptions.TYPE, "fixed-delay");
    env.getConfiguration().set(RestartStrategyOptions.FIXED_DELAY_ATTEMPTS, 3);
    env.getConfiguration().set(RestartStrategyOptions.FIXED_DELAY_DELAY, Duration.ofMillis(10));
    Path directory = output.resolve("table");
    env.fromSource(
            new GeneratorSource<Row>(i -> GenericRow.of(i), ROWS, 100_000),
            WatermarkStrategy.noWatermarks(),
            "rows")
        .filter(new FailOnce())
        .sinkTo(
            sink(TYPE, Map.of("connector", "filesystem", "path", directory.toString(),
                    "format", "csv"))
                .createRuntimeSink());

    JobClient client = env.executeAsync("write");
    Map<Path, Long> firstSeenSizes = new HashMap<>();
    while (!client.result().isDone()) {
      for (Path file : visibleFiles(directory)) {
        firstSeenSizes.putIfAbsent(file, sizeOf(file));
      }
      Thread.sleep(5);
    }
    JobExecutionResult result = client.result().get(1, TimeUnit.MINUTES);

    assertThat(FAILED).isTrue();
    assertThat(result.metrics().get("job.numRestarts")).isEqualTo(1L);
    assertThat(firstSeenSizes).as("files seen while the job ran").isNotEmpty();
    firstSeenSizes.forEach(
        (file, size) -> assertThat(sizeOf(file)).as("%s changed after it was visible", file)
            .isEqualTo(size));
    List<Long> ids = new ArrayList<>();
    for (Path file : visibleFiles(directory)) {
      Files.readAllLines(file).forEach(line -> ids.add(Long.parseLong(line)));
    }
    assertThat(ids).hasSize((int) ROWS);
    assertThat(ids.stream().distinct().count()).isEqualTo(ROWS);
    assertThat(ids.stream().mapToLong(Long::longValue).max().orElse(-1)).isEqualTo(ROWS - 1);
    try (Stream<Path> files = Files.list(directory)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no file is left in progress")
          .noneMatch(name -> name.endsWith(".inprogress"));
    }
  }

  /** The files a reader of the table sees, as the filesystem source lists them. */
  private static List<Path> visibleFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    return FilePaths.listFiles(directory);
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
