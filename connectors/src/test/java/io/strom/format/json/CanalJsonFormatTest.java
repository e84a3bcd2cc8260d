package io.strom.format.json;

import static io.strom.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class CanalJsonFormatTest {
  private static final RowType TYPE = ROW(FIELD("id", INT()), FIELD("name", STRING()),
      FIELD("price", DECIMAL(5, 2)));

  private static List<byte[]> utf8(String... records) {
    return Arrays.stream(records).map(r -> r.getBytes(StandardCharsets.UTF_8)).toList();
  }

  private static FormatTesting canal(Map<String, String> options) {
    return new FormatTesting(new CanalJsonFormatFactory(), TYPE, options);
  }

  @Test
  void readsInsertsUpdatesWithOldValuesAndDeletes() throws Exception {
    assertThat(canal(Map.of()).decode(utf8(
        "{\"data\":[{\"id\":\"1\",\"name\":\"a\",\"price\":\"1.50\"},{\"id\":\"2\",\"name\":\"b\",\"price\":null}],"
            + "\"database\":\"shop\",\"table\":\"items\",\"isDdl\":false,\"type\":\"INSERT\",\"old\":null}",
        "{\"data\":[{\"id\":\"1\",\"name\":\"c\",\"price\":\"1.50\"}],\"old\":[{\"name\":\"a\"}],\"type\":\"UPDATE\"}",
        "{\"data\":[{\"id\":\"2\",\"name\":\"b\",\"price\":\"3.00\"}],\"old\":[{\"price\":null}],\"type\":\"UPDATE\"}",
        "{\"data\":[{\"id\":\"2\",\"name\":\"b\",\"price\":\"3.00\"}],\"type\":\"DELETE\"}",
        "{\"data\":null,\"isDdl\":true,\"type\":\"ALTER\",\"sql\":\"ALTER TABLE items ADD x INT\"}")))
        .containsExactly("+I[1, a, 1.50]", "+I[2, b, null]",
            "-U[1, a, 1.50]", "+U[1, c, 1.50]",
            "-U[2, b, null]", "+U[2, b, 3.00]",
            "-D[2, b, 3.00]");
  }

  @Test
  void readsOnlyIncludedDatabasesAndTables() throws Exception {
    FormatTesting filtered = canal(Map.of("database.include", "shop", "table.include", "item.*"));
    assertThat(filtered.decode(utf8(
        "{\"data\":[{\"id\":1}],\"database\":\"shop\",\"table\":\"items\",\"type\":\"INSERT\"}",
        "{\"data\":[{\"id\":2}],\"database\":\"shop\",\"table\":\"users\",\"type\":\"INSERT\"}",
        "{\"data\":[{\"id\":3}],\"database\":\"crm\",\"table\":\"items\",\"type\":\"INSERT\"}")))
        .containsExactly("+I[1, null, null]");
  }

  @Test
  void brokenMessagesFailOrAreSkippedAndCounted() throws Exception {
    List<byte[]> records = utf8(
        "{\"data\":[{\"id\":1}],\"type\":\"UPSERT\"}",
        "{\"data\":[{\"id\":1}],\"type\":\"UPDATE\"}",
        "{\"data\":{\"id\":1},\"type\":\"INSERT\"}",
        "{\"data\":[{\"id\":4}],\"type\":\"INSERT\"}");
    assertThatThrownBy(() -> canal(Map.of()).decode(records.subList(0, 1)))
        .isInstanceOf(RowDecodeException.class)
        .hasMessage("unknown Canal message type 'UPSERT' (expected INSERT, UPDATE or DELETE)");
    assertThatThrownBy(() -> canal(Map.of()).decode(records.subList(1, 2)))
        .hasMessage("the Canal UPDATE message has 1 rows in 'data' but 0 in 'old'");

    FormatTesting lenient = canal(Map.of("ignore-parse-errors", "true"));
    assertThat(lenient.decode(records)).containsExactly("+I[4, null, null]");
    assertThat(lenient.dropped()).isEqualTo(3);
  }

  @Test
  void writesAddedRowsAsInsertsAndRemovedRowsAsDeletes() throws Exception {
    FormatTesting canal = canal(Map.of());
    List<byte[]> records = canal.encode(List.of(
        GenericRow.of(1, StringData.fromString("a"), null),
        GenericRow.ofKind(RowKind.UPDATE_BEFORE, 1, StringData.fromString("a"), null),
        GenericRow.ofKind(RowKind.UPDATE_AFTER, 1, StringData.fromString("b"), null),
        GenericRow.ofKind(RowKind.DELETE, 1, StringData.fromString("b"), null)));

    assertThat(records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList())
        .containsExactly(
            "{\"data\":[{\"id\":1,\"name\":\"a\",\"price\":null}],\"type\":\"INSERT\"}",
            "{\"data\":[{\"id\":1,\"name\":\"a\",\"price\":null}],\"type\":\"DELETE\"}",
            "{\"data\":[{\"id\":1,\"name\":\"b\",\"price\":null}],\"type\":\"INSERT\"}",
            "{\"data\":[{\"id\":1,\"name\":\"b\",\"price\":null}],\"type\":\"DELETE\"}");
    assertThat(canal.decode(records)).containsExactly(
        "+I[1, a, null]", "-D[1, a, null]", "+I[1, b, null]", "-D[1, b, null]");
  }
}
