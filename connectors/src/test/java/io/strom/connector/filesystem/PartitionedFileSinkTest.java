package io.strom.connector.filesystem;

import static io.strom.types.DataTypes.BIGINT;
import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.INT;
import static io.strom.types.DataTypes.ROW;
import static io.strom.types.DataTypes.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.configuration.CheckpointingOptions;
import io.strom.configuration.Configuration;
import io.strom.connector.ConnectorTesting;
import io.strom.connector.FactoryUtil;
import io.strom.connector.ScanTableSource;
import io.strom.connector.SupportsOverwrite;
import io.strom.connector.SupportsProjectionPushDown;
import io.strom.connector.TableContext;
import io.strom.connector.TableSink;
import io.strom.data.GenericRow;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.runtime.cluster.JobClient;
import io.strom.runtime.source.lib.GeneratorSource;
import io.strom.types.RowType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filesystem sink of a partitioned table writes each row into its {@code key=value}
 * directory without the partition columns, commits partitions with success files, and a scan
 * reads the partition columns back from the directories.
 */
class PartitionedFileSinkTest {
  private static final RowType TYPE =
      ROW(FIELD("id", BIGINT()), FIELD("region", STRING()), FIELD("name", STRING()), FIELD("hr", INT()));

  @TempDir Path output;
  @TempDir Path checkpoints;

  private TableContext table(Map<String, String> extra) {
    Map<String, String> options = new java.util.HashMap<>(Map.of(
        "connector", "filesystem", "path", output.toString(), "format", "csv",
        "sink.partition-commit.policy.kind", "success-file"));
    options.putAll(extra);
    return new TableContext("default_catalog.default_database.t", TYPE, options, List.of(),
        List.of("region", "hr"), new Configuration(), getClass().getClassLoader());
  }

  private static GenericRow row(long id) {
    return GenericRow.of(id, id % 2 == 0 ? "north" : "south", "n" + id, (int) (id % 3));
  }

  @Test
  void boundedWriteFillsOnePartitionDirectoryPerValueAndCommitsEach() throws Exception {
    ConnectorTesting.write(FactoryUtil.createTableSink(table(Map.of())), i -> row(i), 60, 2);

    for (String region : List.of("north", "south")) {
      for (int hr = 0; hr < 3; hr++) {
        Path partition = output.resolve("region=" + region).resolve("hr=" + hr);
        assertThat(partition.resolve("_SUCCESS")).exists();
        // The files hold id and name only: region and hr are the directories.
        assertThat(dataLines(partition)).hasSize(10).allSatisfy(line -> assertThat(line).matches("\\d+,n\\d+"));
      }
    }
    ScanTableSource source = FactoryUtil.createTableSource(table(Map.of()));
    assertThat(ConnectorTesting.scan(source, 2)).hasSize(60).contains("+I[4, north, n4, 1]", "+I[9, south, n9, 0]");
  }

  @Test
  void aScanOfPartitionColumnsOnlyReadsThemFromTheDirectories() throws Exception {
    ConnectorTesting.write(FactoryUtil.createTableSink(table(Map.of())), i -> row(i), 6, 1);
    ScanTableSource source = FactoryUtil.createTableSource(table(Map.of()));
    ((SupportsProjectionPushDown) source).applyProjection(new int[] {3, 1});
    assertThat(ConnectorTesting.scan(source, 1)).containsExactlyInAnyOrder(
        "+I[0, north]", "+I[1, south]", "+I[2, north]", "+I[0, south]", "+I[1, north]", "+I[2, south]");
  }

  @Test
  void overwriteReplacesOnlyThePartitionsWritten() throws Exception {
    ConnectorTesting.write(FactoryUtil.createTableSink(table(Map.of())), i -> row(i), 6, 1);
    TableSink overwrite = FactoryUtil.createTableSink(table(Map.of()));
    ((SupportsOverwrite) overwrite).applyOverwrite(true);
    overwrite.applyInputBoundedness(true);
    ConnectorTesting.write(overwrite, i -> GenericRow.of(100 + i, "north", "new", 0), 2, 2);

    assertThat(dataLines(output.resolve("region=north/hr=0"))).containsExactlyInAnyOrder("100,new", "101,new");
    assertThat(dataLines(output.resolve("region=south/hr=0"))).containsExactly("3,n3");
  }

  @Test
  void unboundedWriteCommitsPartitionsWhenCheckpointsComplete() throws Exception {
    TableSink sink = FactoryUtil.createTableSink(table(Map.of()));
    sink.applyInputBoundedness(false);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.getConfiguration().set(CheckpointingOptions.INTERVAL, Duration.ofMillis(50));
    env.getConfiguration().set(CheckpointingOptions.DIRECTORY, checkpoints.toString());
    env.fromSource(new GeneratorSource<io.strom.data.Row>(i -> row(i), 4000, 1000), WatermarkStrategy.noWatermarks(), "rows")
        .sinkTo(sink.createRuntimeSink());
    JobClient client = env.executeAsync("write");
    Path success = output.resolve("region=north/hr=0/_SUCCESS");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long visibleWhenCommitted = -1;
    while (!client.result().isDone() && System.nanoTime() < deadline) {
      if (Files.exists(success)) {
        visibleWhenCommitted = FilePaths.listFiles(output).stream().mapToLong(PartitionedFileSinkTest::lines).sum();
        break;
      }
      Thread.sleep(5);
    }
    // Committed at a checkpoint: part of the rows were visible, not all as at the end of input.
    assertThat(visibleWhenCommitted).as("rows visible when the partition was committed")
        .isPositive().isLessThan(4000);
    client.result().get(1, TimeUnit.MINUTES);
    assertThat(FilePaths.listFiles(output).stream().mapToLong(PartitionedFileSinkTest::lines).sum())
        .isEqualTo(4000);
  }

  private static long lines(Path file) {
    try {
      return Files.readAllLines(file).size();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<String> dataLines(Path partition) throws IOException {
    try (Stream<Path> files = Files.list(partition)) {
      List<String> lines = new java.util.ArrayList<>();
      for (Path file : files.filter(f -> !FilePaths.isHidden(f)).toList()) {
        lines.addAll(Files.readAllLines(file));
      }
      return lines;
    }
  }
}
