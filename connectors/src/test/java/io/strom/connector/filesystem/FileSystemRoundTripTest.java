package io.strom.connector.filesystem;

import static io.strom.connector.ConnectorTesting.scan;
import static io.strom.connector.ConnectorTesting.sink;
import static io.strom.connector.ConnectorTesting.source;
import static io.strom.connector.ConnectorTesting.write;
import static io.strom.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.strom.data.GenericArray;
import io.strom.data.GenericConverter;
import io.strom.data.GenericMap;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.types.RowType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes rows with the filesystem sink and reads them back with its source, through the runtime. */
class FileSystemRoundTripTest {
  private static final int ROWS = 60;

  static final RowType SCALARS = ROW(
      FIELD("id", notNull(BIGINT())), FIELD("b", BOOLEAN()), FIELD("ti", TINYINT()),
      FIELD("si", SMALLINT()), FIELD("i", INT()), FIELD("f", FLOAT()), FIELD("d", DOUBLE()),
      FIELD("dec", DECIMAL(10, 2)), FIELD("s", STRING()), FIELD("vc", VARCHAR(20)),
      FIELD("bin", BYTES()), FIELD("dt", DATE()), FIELD("tm", TIME(3)), FIELD("ts", TIMESTAMP(3)),
      FIELD("ts9", TIMESTAMP(9)), FIELD("ltz", TIMESTAMP_LTZ(3)), FIELD("arr", ARRAY(INT())),
      FIELD("r", ROW(FIELD("a", INT()), FIELD("b", STRING()))));

  static final RowType NESTED = ROW(
      FIELD("id", notNull(BIGINT())), FIELD("name", STRING()), FIELD("price", DECIMAL(38, 10)),
      FIELD("tags", ARRAY(STRING())), FIELD("attrs", MAP(STRING(), ARRAY(DOUBLE()))),
      FIELD("counts", MULTISET(STRING())), FIELD("byId", MAP(INT(), STRING())),
      FIELD("addr", ROW(FIELD("city", STRING()), FIELD("geo", ROW(FIELD("lat", DOUBLE()),
          FIELD("lon", DOUBLE()))), FIELD("since", TIMESTAMP(6)))),
      FIELD("ts", TIMESTAMP_LTZ(3)), FIELD("dt", DATE()), FIELD("tm", TIME()), FIELD("bin", BYTES()),
      FIELD("iym", INTERVAL_YEAR_TO_MONTH()), FIELD("ids", INTERVAL_DAY_TO_SECOND(3)),
      FIELD("f", FLOAT()), FIELD("b", BOOLEAN()), FIELD("ti", TINYINT()), FIELD("si", SMALLINT()));

  /** A row of every scalar type; every third row has NULLs in all nullable columns. */
  static Row scalarRow(long i) {
    if (i % 3 == 2) {
      Object[] values = new Object[SCALARS.fieldCount()];
      values[0] = i;
      return GenericRow.of(values);
    }
    return GenericRow.of(
        i, i % 2 == 0, (byte) (i - 100), (short) (i * 300), (int) (i * 1_000_003), i / 7f, i / 3.0,
        new BigDecimal(i + ".25").negate(), "text, \"quoted\"\nline " + i + " \u00e9\u4e2d", "",
        new byte[] {(byte) i, 0, -1}, LocalDate.of(1969 + (int) i, 12, 31),
        LocalTime.of((int) i % 24, 59, 58, 123_000_000),
        LocalDateTime.of(2024, 2, 29, 23, 59, 1, (int) (i % 1000) * 1_000_000),
        LocalDateTime.of(1900, 1, 1, 0, 0, 0, 123_456_789),
        Instant.ofEpochMilli(1_700_000_000_000L + i),
        GenericArray.of(1, null, (int) i), GenericRow.of((int) i, i % 2 == 0 ? null : "x y"));
  }

  static Row nestedRow(long i) {
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("w", List.of(1.5, -2.0));
    attrs.put("none", null);
    Map<Object, Object> counts = new HashMap<>();
    counts.put(io.strom.data.StringData.fromString("a"), 2);
    Map<Object, Object> byId = new LinkedHashMap<>();
    byId.put(7, io.strom.data.StringData.fromString("seven"));
    byId.put(-1, null);
    if (i % 4 == 3) {
      Object[] values = new Object[NESTED.fieldCount()];
      values[0] = i;
      return GenericRow.of(values);
    }
    return GenericRow.of(
        i, "n\"" + i + "\\\t\u00fc", new BigDecimal("12345678901234567890.0123456789"),
        GenericArray.of("a", null, "c"), new GenericMap(internal(attrs)), new GenericMap(counts),
        new GenericMap(byId),
        GenericRow.of("Z\u00fcrich", i % 2 == 0 ? null : GenericRow.of(47.37, 8.54),
            LocalDateTime.of(2020, 1, 1, 12, 0, 0, 123_456_000)),
        Instant.ofEpochMilli(-5_000 + i), LocalDate.of(2000, 2, 29), LocalTime.of(23, 0, 1),
        new byte[] {1, 2, 3}, 14, 86_400_123L, Float.NaN, true, (byte) 1, (short) -2);
  }

  private static Map<Object, Object> internal(Map<String, Object> map) {
    Map<Object, Object> result = new LinkedHashMap<>();
    map.forEach((k, v) -> result.put(io.strom.data.InternalValues.toInternal(k),
        io.strom.data.InternalValues.toInternal(v)));
    return result;
  }

  private static List<String> expected(RowType type, java.util.function.LongFunction<Row> rows) {
    return LongStream.range(0, ROWS).mapToObj(i -> GenericConverter.format(rows.apply(i), type)).toList();
  }

  private static List<Path> partFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  @Test
  void csvRoundTripKeepsEveryScalarTypeAndNulls(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("out");
    Map<String, String> options = Map.of("connector", "filesystem", "path", dir.toString(),
        "format", "csv", "csv.null-literal", "\\N");
    write(sink(SCALARS, options), FileSystemRoundTripTest::scalarRow, ROWS, 2);

    List<Path> files = partFiles(dir);
    assertThat(files).hasSize(2).allSatisfy(f ->
        assertThat(f.getFileName().toString()).matches("part-[0-9a-f-]{36}-[01]-[0-9a-f]{8}-0"));
    assertThat(scan(source(SCALARS, options), 2))
        .containsExactlyInAnyOrderElementsOf(expected(SCALARS, FileSystemRoundTripTest::scalarRow));
  }

  @Test
  void csvWithOtherDelimitersAndEscapingRoundTrips(@TempDir Path tmp) throws Exception {
    Map<String, String> options = Map.of("connector", "filesystem", "path", tmp.toString(),
        "format", "csv", "csv.field-delimiter", "\\t", "csv.disable-quote-character", "true",
        "csv.escape-character", "\\", "csv.array-element-delimiter", "|", "csv.null-literal", "null");
    write(sink(SCALARS, options), FileSystemRoundTripTest::scalarRow, ROWS, 1);
    String text = Files.readString(partFiles(tmp).get(0));
    assertThat(text).contains("\t").doesNotContain("\"text");
    assertThat(scan(source(SCALARS, options), 1))
        .containsExactlyInAnyOrderElementsOf(expected(SCALARS, FileSystemRoundTripTest::scalarRow));
  }

  @Test
  void jsonRoundTripKeepsNestedValuesAndNulls(@TempDir Path tmp) throws Exception {
    Map<String, String> options = Map.of("connector", "filesystem", "path", tmp.toString(),
        "format", "json");
    write(sink(NESTED, options), FileSystemRoundTripTest::nestedRow, ROWS, 3);
    assertThat(scan(source(NESTED, options), 2))
        .containsExactlyInAnyOrderElementsOf(expected(NESTED, FileSystemRoundTripTest::nestedRow));
  }

  @Test
  void jsonRoundTripOfEveryScalarTypeInIsoFormat(@TempDir Path tmp) throws Exception {
    Map<String, String> options = Map.of("connector", "filesystem", "path", tmp.toString(),
        "format", "json", "json.timestamp-format.standard", "ISO-8601",
        "json.encode.decimal-as-plain-number", "true");
    write(sink(SCALARS, options), FileSystemRoundTripTest::scalarRow, ROWS, 1);
    String text = Files.readString(partFiles(tmp).get(0));
    assertThat(text).startsWith("{\"id\":0,\"b\":true,\"ti\":-100,")
        .contains("\"ts\":\"2024-02-29T23:59:01\"", "\"ltz\":\"2023-11-14T22:13:20Z\"",
            "\"ts9\":\"1900-01-01T00:00:00.123456789\"", "\"tm\":\"00:59:58.123\"",
            "\"dt\":\"1969-12-31\"", "\"r\":{\"a\":0,\"b\":null}");
    assertThat(scan(source(SCALARS, options), 1))
        .containsExactlyInAnyOrderElementsOf(expected(SCALARS, FileSystemRoundTripTest::scalarRow));
  }
}
