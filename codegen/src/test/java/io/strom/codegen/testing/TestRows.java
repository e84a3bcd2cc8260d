package io.strom.codegen.testing;

import static io.strom.types.DataTypes.*;

import io.strom.data.DecimalData;
import io.strom.data.GenericArray;
import io.strom.data.GenericMap;
import io.strom.data.GenericRow;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.types.RowType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fixed input row the golden expression tests evaluate against, and its type. */
public final class TestRows {
  private TestRows() {}

  public static final RowType TYPE = ROW(
      FIELD("i", INT()),
      FIELD("n", INT()),
      FIELD("bi", BIGINT()),
      FIELD("si", SMALLINT()),
      FIELD("ti", TINYINT()),
      FIELD("d", DOUBLE()),
      FIELD("f", FLOAT()),
      FIELD("amt", DECIMAL(10, 2)),
      FIELD("namt", DECIMAL(10, 2)),
      FIELD("s", STRING()),
      FIELD("ns", STRING()),
      FIELD("e", STRING()),
      FIELD("b", BOOLEAN()),
      FIELD("nb", BOOLEAN()),
      FIELD("dt", DATE()),
      FIELD("ts", TIMESTAMP(3)),
      FIELD("nts", TIMESTAMP(3)),
      FIELD("ltz", TIMESTAMP_LTZ(3)),
      FIELD("tm", TIME(0)),
      FIELD("arr", ARRAY(INT())),
      FIELD("m", MAP(STRING(), INT())),
      FIELD("r", ROW(FIELD("a", INT()), FIELD("b", STRING()))),
      FIELD("j", STRING()),
      FIELD("bin", BYTES()),
      FIELD("nn", notNull(INT())));

  /** The values, one per field of {@link #TYPE}. */
  public static GenericRow row() {
    GenericRow row = new GenericRow(TYPE.fieldCount());
    row.setInt(0, 42);
    row.setNullAt(1);
    row.setLong(2, 10_000_000_000L);
    row.setShort(3, (short) 7);
    row.setByte(4, (byte) 3);
    row.setDouble(5, 2.5);
    row.setFloat(6, 1.5f);
    row.setDecimal(7, DecimalData.fromBigDecimal(new BigDecimal("12.34"), 10, 2));
    row.setNullAt(8);
    row.setString(9, StringData.fromString("Hello World"));
    row.setNullAt(10);
    row.setString(11, StringData.fromString(""));
    row.setBoolean(12, true);
    row.setNullAt(13);
    row.setDate(14, (int) LocalDate.of(2024, 3, 15).toEpochDay());
    row.setTimestamp(15, TimestampData.fromLocalDateTime(
        LocalDateTime.of(2024, 3, 15, 10, 30, 45, 123_000_000)));
    row.setNullAt(16);
    row.setTimestamp(17, TimestampData.fromInstant(Instant.parse("2024-03-15T10:30:45.123Z")));
    row.setTime(18, (10 * 3600 + 30 * 60 + 45) * 1000);
    row.setArray(19, new GenericArray(new int[] {1, 2, 3}));
    Map<StringData, Integer> map = new LinkedHashMap<>();
    map.put(StringData.fromString("a"), 1);
    map.put(StringData.fromString("b"), 2);
    row.setMap(20, new GenericMap(map));
    row.setRow(21, GenericRow.of(7, "x"));
    row.setString(22, StringData.fromString(
        "{\"a\":1,\"b\":{\"c\":\"x\"},\"arr\":[1,2,3],\"s\":\"str\",\"t\":true,\"z\":null}"));
    row.setBinary(23, new byte[] {97, 98, 99});
    row.setInt(24, 5);
    return row;
  }
}
