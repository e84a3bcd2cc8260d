package io.strom.format.json;

import static io.strom.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.connector.ConnectorException;
import io.strom.connector.RowDecodeException;
import io.strom.data.GenericRow;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.format.FormatTesting;
import io.strom.types.RowType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebeziumJsonFormatTest {
  private static final RowType TYPE = ROW(FIELD("id", INT()), FIELD("name", STRING()),
      FIELD("tags", ARRAY(STRING())));

  private static List<byte[]> utf8(String... records) {
    return Arrays.stream(records).map(r -> r.getBytes(StandardCharsets.UTF_8)).toList();
  }

  private static FormatTesting debezium(Map<String, String> options) {
    return new FormatTesting(new DebeziumJsonFormatFactory(), TYPE, options);
  }

  @Test
  void readsCreatesSnapshotsUpdatesAndDeletesAsChanges() throws Exception {
    assertThat(debezium(Map.of()).decode(utf8(
        "{\"before\":null,\"after\":{\"id\":1,\"name\":\"a\",\"tags\":[\"x\"]},\"op\":\"c\",\"ts_ms\":1}",
        "{\"before\":null,\"after\":{\"id\":2,\"name\":null},\"op\":\"r\"}",
        "{\"before\":{\"id\":1,\"name\":\"a\"},\"after\":{\"id\":1,\"name\":\"b\"},\"op\":\"u\"}",
        "{\"before\":{\"id\":2,\"name\":null},\"after\":null,\"op\":\"d\"}")))
        .containsExactly("+I[1, a, [x]]", "+I[2, null, null]", "-U[1, a, null]", "+U[1, b, null]",
            "-D[2, null, null]");
  }

  @Test
  void readsChangesUnderPayloadWhenSchemasAreIncluded() throws Exception {
    assertThat(debezium(Map.of("schema-include", "true")).decode(utf8(
        "{\"schema\":{\"type\":\"struct\"},\"payload\":{\"after\":{\"id\":3},\"op\":\"c\"}}")))
        .containsExactly("+I[3, null, null]");
  }

  @Test
  void brokenChangesFailOrAreSkippedAndCounted() throws Exception {
    List<byte[]> records = utf8(
        "{\"after\":{\"id\":1},\"op\":\"c\"}",
        "{\"after\":{\"id\":1},\"op\":\"x\"}",
        "{\"before\":null,\"after\":{\"id\":1},\"op\":\"u\"}",
        "{\"after\":",
        "{\"before\":{\"id\":1},\"op\":\"d\"}");
    assertThatThrownBy(() -> debezium(Map.of()).decode(records.subList(1, 2)))
        .isInstanceOf(RowDecodeException.class)
        .hasMessage("unknown Debezium operation 'x' (expected c, r, u or d)");
    assertThatThrownBy(() -> debezium(Map.of()).decode(records.subList(2, 3)))
        .hasMessageContaining("the Debezium 'u' message has no 'before' row");

    FormatTesting lenient = debezium(Map.of("ignore-parse-errors", "true"));
    assertThat(lenient.decode(records)).containsExactly("+I[1, null, null]", "-D[1, null, null]");
    assertThat(lenient.dropped()).isEqualTo(3);
  }

  @Test
  void writesAddedRowsAsCreatesAndRemovedRowsAsDeletes() throws Exception {
    GenericRow insert = GenericRow.of(1, StringData.fromString("a"), null);
    GenericRow before = GenericRow.ofKind(RowKind.UPDATE_BEFORE, 1, StringData.fromString("a"), null);
    GenericRow after = GenericRow.ofKind(RowKind.UPDATE_AFTER, 1, StringData.fromString("b"), null);
    GenericRow delete = GenericRow.ofKind(RowKind.DELETE, 1, StringData.fromString("b"), null);
    FormatTesting debezium = debezium(Map.of());
    List<byte[]> records = debezium.encode(List.of(insert, before, after, delete));

    assertThat(records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList())
        .containsExactly(
            "{\"before\":null,\"after\":{\"id\":1,\"name\":\"a\",\"tags\":null},\"op\":\"c\"}",
            "{\"before\":{\"id\":1,\"name\":\"a\",\"tags\":null},\"after\":null,\"op\":\"d\"}",
            "{\"before\":null,\"after\":{\"id\":1,\"name\":\"b\",\"tags\":null},\"op\":\"c\"}",
            "{\"before\":{\"id\":1,\"name\":\"b\",\"tags\":null},\"after\":null,\"op\":\"d\"}");
    assertThat(debezium.decode(records)).containsExactly(
        "+I[1, a, null]", "-D[1, a, null]", "+I[1, b, null]", "-D[1, b, null]");
  }

  @Test
  void schemaIncludeIsForReadingOnly() {
    assertThatThrownBy(() -> debezium(Map.of("schema-include", "true")).encode(List.of()))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("is for reading only");
  }
}
