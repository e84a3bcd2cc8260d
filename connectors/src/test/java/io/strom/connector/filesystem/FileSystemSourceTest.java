package io.strom.connector.filesystem;

import static io.strom.connector.ConnectorTesting.rootCause;
import static io.strom.connector.ConnectorTesting.scan;
import static io.strom.connector.ConnectorTesting.sink;
import static io.strom.connector.ConnectorTesting.source;
import static io.strom.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.connector.ConnectorException;
import io.strom.connector.DecoderContext;
import io.strom.connector.ScanTableSource;
import io.strom.connector.SupportsProjectionPushDown;
import io.strom.connector.SupportsReadingMetadata;
import io.strom.connector.TableSink;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.runtime.cluster.JobExecutionResult;
import io.strom.types.RowType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemSourceTest {
  private static final RowType ORDERS =
      ROW(FIELD("id", INT()), FIELD("product", STRING()), FIELD("price", DECIMAL(10, 2)));

  private static Map<String, String> csv(Path path, String... extra) {
    java.util.Map<String, String> options = new java.util.HashMap<>(
        Map.of("connector", "filesystem", "path", path.toString(), "format", "csv"));
    for (int i = 0; i < extra.length; i += 2) {
      options.put(extra[i], extra[i + 1]);
    }
    return options;
  }

  @Test
  void readsEveryNonHiddenFileOfADirectoryRecursively(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.csv"), "1,apple,1.50\n2,pear,2.00\n");
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.writeString(dir.resolve("sub/deeper/b.csv"), "3,plum,0.99\r\n\r\n4,fig,3");
    Files.writeString(dir.resolve(".hidden.csv"), "99,hidden,0\n");
    Files.writeString(dir.resolve("_SUCCESS"), "");
    Files.createDirectories(dir.resolve("_temporary"));
    Files.writeString(dir.resolve("_temporary/c.csv"), "98,temp,0\n");
    assertThat(scan(source(ORDERS, csv(dir)), 3)).containsExactlyInAnyOrder(
        "+I[1, apple, 1.50]", "+I[2, pear, 2.00]", "+I[3, plum, 0.99]", "+I[4, fig, 3.00]");
  }

  @Test
  void quotedCsvFieldsMaySpanLines(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x.csv"), "1,\"two\nlines, \"\"quoted\"\"\",1\n# not a comment here\n");
    Path file = dir.resolve("x.csv");
    assertThatThrownBy(() -> scan(source(ORDERS, csv(file)), 1))
        .satisfies(e -> assertThat(rootCause(e)).hasMessageStartingWith(
            "Could not parse line 3 of " + file + ": field 'id' expects INT but got '# not a comment"
                + " here'. The line: # not a comment here"));
    Files.writeString(file, "1,\"two\nlines, \"\"quoted\"\"\",1\n# a comment\n2,x,2\n");
    assertThat(scan(source(ORDERS, csv(file, "csv.allow-comments", "true")), 1))
        .containsExactly("+I[1, two\nlines, \"quoted\", 1.00]", "+I[2, x, 2.00]");
  }

  @Test
  void malformedLineFailsTheJobWithPathLineTextAndReason(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("orders.csv");
    Files.writeString(file, "1,apple,1.50\n2,pear,abc\n");
    assertThatThrownBy(() -> scan(source(ORDERS, csv(dir)), 1))
        .satisfies(e -> assertThat(rootCause(e))
            .isInstanceOf(ConnectorException.class)
            .hasMessage("Could not parse line 2 of " + file + ": field 'price' expects"
                + " DECIMAL(10, 2) but got 'abc'. The line: 2,pear,abc (set"
                + " 'csv.ignore-parse-errors' = 'true' to skip malformed lines)"));
  }

  @Test
  void longMalformedLinesAreTruncatedInTheMessage(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x.json"), "{\"id\": 1.5, \"product\": \"" + "p".repeat(500) + "\"}\n");
    Map<String, String> options = Map.of("connector", "filesystem", "path", dir.toString(), "format", "json");
    assertThatThrownBy(() -> scan(source(ORDERS, options), 1))
        .satisfies(e -> assertThat(rootCause(e).getMessage())
            .contains("line 1 of ", "field 'id' expects INT but got 1.5. The line: {\"id\": 1.5,")
            .contains("ppp...")
            .hasSizeLessThan(600));
  }

  @Test
  void ignoredParseErrorsSkipTheLineAndCountIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.csv"), "1,apple,1.50\n2,pear,abc\nnot,a,line,at all\n3,fig,2\n");
    Files.writeString(dir.resolve("b.json"), "");
    ScanTableSource source = source(ORDERS, csv(dir, "csv.ignore-parse-errors", "true"));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.fromSource(source.createRuntimeSource(), WatermarkStrategy.noWatermarks(), "scan")
        .sinkTo(sink(ORDERS, Map.of("connector", "filesystem", "path", dir.resolve("out").toString(),
            "format", "csv")).createRuntimeSink());
    JobExecutionResult result = env.execute("skip");
    assertThat(result.metrics())
        .hasEntrySatisfying("Source: scan -> Sink[0]." + DecoderContext.DROPPED_RECORDS_METRIC,
            count -> assertThat(count).isEqualTo(2L));
    assertThat(scan(source(ORDERS, csv(dir.resolve("out"))), 1))
        .containsExactlyInAnyOrder("+I[1, apple, 1.50]", "+I[3, fig, 2.00]");
  }

  @Test
  void projectionAndMetadataShapeTheProducedRows(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("orders.json");
    Files.writeString(file, "{\"id\":1,\"product\":\"apple\",\"price\":1.5}\n{\"price\":2,\"id\":2}\n");
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
    ScanTableSource source = source(ORDERS,
        Map.of("connector", "filesystem", "path", dir.toString(), "format", "json"));
    ((SupportsProjectionPushDown) source).applyProjection(new int[] {2, 0});
    SupportsReadingMetadata metadata = (SupportsReadingMetadata) source;
    assertThat(metadata.listReadableMetadata()).containsOnlyKeys(
        "file.path", "file.name", "file.size", "file.modification-time");
    metadata.applyReadableMetadata(List.of("file.name", "file.size", "file.modification-time", "file.path"));
    assertThat(source.producedType().asSummaryString()).isEqualTo(
        "ROW<`price` DECIMAL(10, 2), `id` INT, `file.name` STRING NOT NULL, `file.size` BIGINT NOT"
            + " NULL, `file.modification-time` TIMESTAMP_LTZ(3) NOT NULL, `file.path` STRING NOT NULL>");
    assertThat(source.summary()).isEqualTo("filesystem(path=" + dir + ", format=json, project=[price,"
        + " id], metadata=[file.name, file.size, file.modification-time, file.path])");
    long size = Files.size(file);
    assertThat(scan(source.copy(), 1)).containsExactly(
        "+I[1.50, 1, orders.json, " + size + ", 2023-11-14T22:13:20, " + file + "]",
        "+I[2.00, 2, orders.json, " + size + ", 2023-11-14T22:13:20, " + file + "]");
  }

  @Test
  void csvProjectionParsesOnlyTheKeptColumns(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.csv"), "1,apple,not-a-price\n");
    ScanTableSource source = source(ORDERS, csv(dir));
    ((SupportsProjectionPushDown) source).applyProjection(new int[] {1});
    assertThat(scan(source, 1)).containsExactly("+I[apple]");
  }

  @Test
  void unknownMetadataKeyIsRejected(@TempDir Path dir) {
    ScanTableSource source = source(ORDERS, csv(dir));
    assertThatThrownBy(() -> ((SupportsReadingMetadata) source).applyReadableMetadata(List.of("file.owner")))
        .hasMessage("The filesystem connector has no metadata 'file.owner'. Available: file.path,"
            + " file.name, file.size, file.modification-time.");
  }

  @Test
  void missingPathFailsTheScanWithTheOption(@TempDir Path dir) {
    assertThatThrownBy(() -> scan(source(ORDERS, csv(dir.resolve("nope"))), 1))
        .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining(
            "The filesystem path " + dir.resolve("nope") + " does not exist"));
  }

  @Test
  void sinkIntoAFileInsteadOfADirectoryFails(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("f");
    Files.writeString(file, "");
    TableSink sink = sink(ORDERS, csv(file));
    assertThatThrownBy(() -> io.strom.connector.ConnectorTesting.write(
            sink, i -> io.strom.data.GenericRow.of(1, "a", null), 1, 1))
        .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("is a file"));
  }

  @Test
  void nonLocalSchemesAreRejectedWhilePlanning() {
    assertThatThrownBy(() -> source(ORDERS, Map.of("connector", "filesystem", "path",
            "s3://bucket/x", "format", "csv")))
        .hasMessageContaining("supports only local paths");
  }
}
