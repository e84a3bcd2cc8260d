package io.strom.serde;

import static io.strom.serde.SerdeTestUtil.roundTrip;
import static io.strom.types.DataTypes.ARRAY;
import static io.strom.types.DataTypes.BIGINT;
import static io.strom.types.DataTypes.BOOLEAN;
import static io.strom.types.DataTypes.BYTES;
import static io.strom.types.DataTypes.CHAR;
import static io.strom.types.DataTypes.DATE;
import static io.strom.types.DataTypes.DECIMAL;
import static io.strom.types.DataTypes.DOUBLE;
import static io.strom.types.DataTypes.FIELD;
import static io.strom.types.DataTypes.FLOAT;
import static io.strom.types.DataTypes.INT;
import static io.strom.types.DataTypes.INTERVAL_DAY_TO_SECOND;
import static io.strom.types.DataTypes.INTERVAL_YEAR_TO_MONTH;
import static io.strom.types.DataTypes.MAP;
import static io.strom.types.DataTypes.MULTISET;
import static io.strom.types.DataTypes.NULL;
import static io.strom.types.DataTypes.ROW;
import static io.strom.types.DataTypes.SMALLINT;
import static io.strom.types.DataTypes.STRING;
import static io.strom.types.DataTypes.TIME;
import static io.strom.types.DataTypes.TIMESTAMP;
import static io.strom.types.DataTypes.TIMESTAMP_LTZ;
import static io.strom.types.DataTypes.TINYINT;
import static io.strom.types.DataTypes.VARBINARY;
import static io.strom.types.DataTypes.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.data.BinaryRow;
import io.strom.data.BinaryRowWriter;
import io.strom.data.GenericArray;
import io.strom.data.GenericConverter;
import io.strom.data.GenericMap;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.types.RowType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowSerializerTest {

  /** One column of every type, in the order of {@link #allTypesRow()}. */
  private static final RowType ALL_TYPES =
      ROW(
          FIELD("bool", BOOLEAN()),
          FIELD("tiny", TINYINT()),
          FIELD("small", SMALLINT()),
          FIELD("int", INT()),
          FIELD("big", BIGINT()),
          FIELD("float", FLOAT()),
          FIELD("double", DOUBLE()),
          FIELD("dec_compact", DECIMAL(18, 4)),
          FIELD("dec_wide", DECIMAL(38, 10)),
          FIELD("chr", CHAR(3)),
          FIELD("str", STRING()),
          FIELD("bin", VARBINARY(100)),
          FIELD("date", DATE()),
          FIELD("time", TIME()),
          FIELD("ts3", TIMESTAMP(3)),
          FIELD("ts9", TIMESTAMP(9)),
          FIELD("ltz", TIMESTAMP_LTZ(6)),
          FIELD("months", INTERVAL_YEAR_TO_MONTH()),
          FIELD("millis", INTERVAL_DAY_TO_SECOND(3)),
          FIELD("ints", ARRAY(INT())),
          FIELD("strs", ARRAY(STRING())),
          FIELD("map", MAP(STRING(), BIGINT())),
          FIELD("bag", MULTISET(STRING())),
          FIELD("nested", ROW(FIELD("x", INT()), FIELD("y", ARRAY(ROW(FIELD("z", STRING())))))),
          FIELD("nothing", NULL()));

  private static GenericRow allTypesRow() {
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("one", 1L);
    map.put("none", null);
    return GenericRow.of(
        true,
        (byte) -128,
        (short) 32767,
        Integer.MIN_VALUE,
        Long.MAX_VALUE,
        Float.MIN_VALUE,
        -0.0,
        new BigDecimal("-12345678901234.5678"),
        new BigDecimal("1234567890123456789012345678.0123456789"),
        "ab ",
        "multi-byte ✓ 😀 and long enough to leave the slot",
        new byte[] {0, -1, 127},
        LocalDate.parse("1960-02-29"),
        LocalTime.parse("23:59:59.999"),
        LocalDateTime.parse("1969-07-20T20:17:40.123"),
        LocalDateTime.parse("1901-12-13T20:45:52.123456789"),
        Instant.parse("2038-01-19T03:14:07.999999Z"),
        -14,
        86_400_000L * 3 + 1,
        List.of(1, 2, 3),
        Arrays.asList("a", null, "a fairly long string element"),
        map,
        Map.of("x", 2),
        GenericRow.of(7, List.of(GenericRow.of("deep"), GenericRow.of((Object) null))),
        null);
  }

  private static Row readBack(RowSerializer serializer, Row row) {
    return roundTrip(serializer, row);
  }

  @Test
  void roundTripsEveryTypeFromAGenericRow() {
    RowSerializer serializer = new RowSerializer(ALL_TYPES);
    GenericRow original = allTypesRow();

    Row read = readBack(serializer, original);

    assertThat(read).isInstanceOf(BinaryRow.class);
    assertThat(GenericConverter.toGenericRow(read, ALL_TYPES)).isEqualTo(original);
    assertThat(GenericConverter.format(read, ALL_TYPES)).isEqualTo(original.toString());
  }

  @Test
  void roundTripsARowOfNulls() {
    RowSerializer serializer = new RowSerializer(ALL_TYPES);
    GenericRow nulls = new GenericRow(ALL_TYPES.fieldCount());

    Row read = readBack(serializer, nulls);

    for (int i = 0; i < ALL_TYPES.fieldCount(); i++) {
      assertThat(read.isNullAt(i)).as("field %s", ALL_TYPES.fieldNames().get(i)).isTrue();
    }
    assertThat(GenericConverter.toGenericRow(read, ALL_TYPES)).isEqualTo(nulls);
  }

  @Test
  void keepsEveryRowKind() {
    RowSerializer serializer = new RowSerializer(ROW(FIELD("a", INT())));
    for (RowKind kind : RowKind.values()) {
      assertThat(readBack(serializer, GenericRow.ofKind(kind, 1)).kind()).isEqualTo(kind);
    }
  }

  @Test
  void readsBackTheEdgesOfTimestampsAndDecimals() {
    RowType type = ROW(FIELD("ts", TIMESTAMP(9)), FIELD("d", DECIMAL(38, 0)), FIELD("t0", TIMESTAMP(0)));
    BigDecimal maxDecimal = new BigDecimal("9".repeat(38));
    GenericRow row = new GenericRow(3);
    row.setTimestamp(0, TimestampData.fromEpochMillis(-1, 999_999));
    row.setDecimal(1, io.strom.data.DecimalData.fromBigDecimal(maxDecimal.negate(), 38, 0));
    row.setTimestamp(2, TimestampData.fromEpochMillis(Long.MIN_VALUE));

    Row read = readBack(new RowSerializer(type), row);

    assertThat(read.getTimestamp(0, 9).toLocalDateTime())
        .isEqualTo(LocalDateTime.parse("1969-12-31T23:59:59.999999999"));
    assertThat(read.getDecimal(1, 38, 0).toBigDecimal()).isEqualTo(maxDecimal.negate());
    assertThat(read.getTimestamp(2, 0).millisecond()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void fitsDecimalsToTheDeclaredTypeAndOverflowsToNull() {
    RowType type = ROW(FIELD("price", DECIMAL(10, 2)), FIELD("small", DECIMAL(3, 1)));

    Row read =
        readBack(new RowSerializer(type), GenericRow.of(new BigDecimal("1.5"), new BigDecimal("100")));

    assertThat(read.getDecimal(0, 10, 2).toBigDecimal()).isEqualTo(new BigDecimal("1.50"));
    assertThat(read.isNullAt(1)).isTrue();
  }

  @Test
  void roundTripsEmptyAndLongStrings() {
    RowType type = ROW(FIELD("empty", STRING()), FIELD("long", VARCHAR(100_000)));
    String longText = "ü€😀".repeat(20_000);

    Row read = readBack(new RowSerializer(type), GenericRow.of("", longText));

    assertThat(read.getString(0)).isEqualTo(StringData.EMPTY);
    assertThat(read.getString(1).toString()).isEqualTo(longText);
    assertThat(read.getString(1).numChars()).isEqualTo(60_000);
  }

  @Test
  void binaryFormIsTheSameWhetherBuiltByWriterOrFromAGenericRow() {
    RowType type = ROW(FIELD("id", BIGINT()), FIELD("name", STRING()), FIELD("tags", ARRAY(STRING())));
    BinaryRow viaSerializer =
        new RowSerializer(type).toBinary(GenericRow.of(5L, "a name of some length", List.of("t")));

    BinaryRowWriter writer = new BinaryRowWriter(3);
    writer.writeLong(0, 5L);
    writer.writeString(1, StringData.fromString("a name of some length"));
    writer.writeArray(2, new ArrayDataSerializer(STRING()).toBinary(GenericArray.of("t")));
    BinaryRow viaWriter = writer.complete();

    assertThat(viaWriter).isEqualTo(viaSerializer).hasSameHashCodeAs(viaSerializer);
    assertThat(readBack(new RowSerializer(type), viaWriter)).isEqualTo(viaWriter);
  }

  @Test
  void copiesShareNothingWithTheOriginal() {
    RowType type = ROW(FIELD("bin", BYTES()), FIELD("nested", ROW(FIELD("s", STRING()))));
    RowSerializer serializer = new RowSerializer(type);
    byte[] payload = {1, 2, 3};
    GenericRow original = GenericRow.of(payload, GenericRow.of("inner"));

    Row genericCopy = serializer.copy(original);
    payload[0] = 9;
    ((GenericRow) original.getRow(1, 1)).setString(0, StringData.fromString("changed"));

    assertThat(genericCopy).isInstanceOf(GenericRow.class).hasToString("+I[[1, 2, 3], +I[inner]]");

    BinaryRow binary = serializer.toBinary(original);
    Row binaryCopy = serializer.copy(binary);
    binary.setKind(RowKind.DELETE);
    serializer.toBinary(GenericRow.of(new byte[] {7}, GenericRow.of("overwrites the buffer")));
    assertThat(binaryCopy.kind()).isEqualTo(RowKind.INSERT);
    assertThat(GenericConverter.format(binaryCopy, type)).isEqualTo("+I[[9, 2, 3], +I[changed]]");
  }

  @Test
  void rejectsRowsOfTheWrongArity() {
    RowSerializer serializer = new RowSerializer(ROW(FIELD("a", INT())));
    assertThatThrownBy(() -> serializer.toBinary(GenericRow.of(1, 2)))
        .hasMessageContaining("Row has 2 fields but its type ROW<`a` INT> has 1");
  }

  @Test
  void serializerSurvivesJavaSerializationOfTheJobDescription() throws Exception {
    RowSerializer serializer = new RowSerializer(ALL_TYPES);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(serializer);
    }
    Object restored;
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      restored = in.readObject();
    }

    RowSerializer revived = (RowSerializer) restored;
    assertThat(revived.rowType()).isEqualTo(ALL_TYPES);
    assertThat(GenericConverter.toGenericRow(roundTrip(revived, allTypesRow()), ALL_TYPES))
        .isEqualTo(allTypesRow());
  }

  @Test
  void createsASerializerForEveryTypeThatRoundTripsItsValues() {
    assertThat(roundTrip(InternalSerializers.createUnchecked(DECIMAL(5, 2)),
            io.strom.data.DecimalData.fromBigDecimal(new BigDecimal("-1.23"), 5, 2)))
        .hasToString("-1.23");
    assertThat(roundTrip(InternalSerializers.createUnchecked(TIMESTAMP(7)),
            TimestampData.fromEpochMillis(5, 700)))
        .isEqualTo(TimestampData.fromEpochMillis(5, 700));
    Object map = roundTrip(InternalSerializers.createUnchecked(MAP(INT(), STRING())),
        new GenericMap(Map.of(1, StringData.fromString("one"))));
    assertThat(GenericConverter.toGenericMap((io.strom.data.MapData) map, INT(), STRING()))
        .hasToString("{1=one}");
    for (var field : ALL_TYPES.fields()) {
      assertThat(InternalSerializers.create(field.type())).as(field.name()).isNotNull();
    }
  }
}
