package io.strom.format.avro;

import static io.strom.types.DataTypes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.strom.connector.ConnectorException;
import io.strom.connector.RowDecodeException;
import io.strom.data.DecimalData;
import io.strom.data.GenericArray;
import io.strom.data.GenericMap;
import io.strom.data.GenericRow;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.format.FormatTesting;
import io.strom.types.RowType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

class AvroFormatTest {
  private static final RowType TYPE = ROW(
      FIELD("id", BIGINT().copy(false)),
      FIELD("small", SMALLINT()),
      FIELD("name", STRING()),
      FIELD("price", DECIMAL(10, 2)),
      FIELD("ts", TIMESTAMP(3)),
      FIELD("micros", TIMESTAMP(6)),
      FIELD("day", DATE()),
      FIELD("raw", BYTES()),
      FIELD("tags", ARRAY(STRING())),
      FIELD("attrs", MAP(STRING(), INT())),
      FIELD("address", ROW(FIELD("city", STRING()), FIELD("zip", INT()))));

  private static GenericRow fullRow() {
    Map<Object, Object> attrs = new LinkedHashMap<>();
    attrs.put(StringData.fromString("a"), 1);
    attrs.put(StringData.fromString("b"), null);
    return GenericRow.of(
        7L, (short) 3, StringData.fromString("x"),
        DecimalData.fromBigDecimal(new BigDecimal("-12.34"), 10, 2),
        TimestampData.fromEpochMillis(1_700_000_000_123L),
        TimestampData.fromEpochMillis(1_700_000_000_123L, 456_000),
        19_000, new byte[] {1, 2},
        new GenericArray(new Object[] {StringData.fromString("t1"), null}),
        new GenericMap(attrs),
        GenericRow.of(StringData.fromString("Oslo"), null));
  }

  @Test
  void schemaMapsSqlTypesToAvroWithNullableUnionsAndLogicalTypes() {
    Schema schema = AvroSchemas.of(TYPE);
    assertThat(schema.getName()).isEqualTo("record");
    assertThat(schema.getField("id").schema().getType()).isEqualTo(Schema.Type.LONG);
    assertThat(schema.getField("name").schema().toString()).isEqualTo("[\"null\",\"string\"]");
    assertThat(schema.getField("price").schema().getTypes().get(1).getLogicalType().getName())
        .isEqualTo("decimal");
    assertThat(schema.getField("ts").schema().getTypes().get(1).getLogicalType().getName())
        .isEqualTo("timestamp-millis");
    assertThat(schema.getField("micros").schema().getTypes().get(1).getLogicalType().getName())
        .isEqualTo("timestamp-micros");
    Schema address = schema.getField("address").schema().getTypes().get(1);
    assertThat(address.getName()).isEqualTo("record_address");
    assertThat(address.getField("zip").schema().toString()).isEqualTo("[\"null\",\"int\"]");
  }

  @Test
  void roundTripsNestedRowsArraysMapsAndNulls() throws Exception {
    FormatTesting avro = new FormatTesting(new AvroFormatFactory(), TYPE, Map.of());
    GenericRow nulls = new GenericRow(TYPE.fieldCount());
    nulls.setField(0, 8L);
    List<byte[]> records = avro.encode(List.of(fullRow(), nulls));

    assertThat(avro.decode(records)).containsExactly(
        "+I[7, 3, x, -12.34, 2023-11-14T22:13:20.123, 2023-11-14T22:13:20.123456, 2022-01-08,"
            + " [1, 2], [t1, null], {a=1, b=null}, +I[Oslo, null]]",
        "+I[8, null, null, null, null, null, null, null, null, null, null]");
  }

  @Test
  void writesPlainAvroThatAvroItselfReads() throws Exception {
    byte[] record = new FormatTesting(new AvroFormatFactory(), TYPE, Map.of())
        .encode(List.of(fullRow())).get(0);
    GenericRecord read = new GenericDatumReader<GenericRecord>(AvroSchemas.of(TYPE))
        .read(null, DecoderFactory.get().binaryDecoder(record, null));

    assertThat(read.get("id")).isEqualTo(7L);
    assertThat(read.get("name").toString()).isEqualTo("x");
    assertThat(read.get("ts")).isEqualTo(1_700_000_000_123L);
    assertThat(read.get("micros")).isEqualTo(1_700_000_000_123_456L);
    assertThat(((ByteBuffer) read.get("price")).array()).isEqualTo(
        new BigDecimal("-12.34").unscaledValue().toByteArray());
    assertThat(((GenericRecord) read.get("address")).get("city").toString()).isEqualTo("Oslo");
    assertThat(read.get("tags")).isInstanceOf(GenericData.Array.class);
  }

  @Test
  void malformedRecordsFailOrAreSkippedAndCounted() throws Exception {
    RowType type = ROW(FIELD("id", BIGINT().copy(false)), FIELD("name", STRING()));
    List<byte[]> records = List.of(new byte[] {2, 2, 2, 'x'}, new byte[] {(byte) 0xff, 0x7f}, new byte[] {4, 0});

    assertThatThrownBy(() -> new FormatTesting(new AvroFormatFactory(), type, Map.of()).decode(records))
        .isInstanceOf(RowDecodeException.class)
        .hasMessageContaining("malformed Avro");

    FormatTesting lenient =
        new FormatTesting(new AvroFormatFactory(), type, Map.of("ignore-parse-errors", "true"));
    assertThat(lenient.decode(records)).containsExactly("+I[1, x]", "+I[2, null]");
    assertThat(lenient.dropped()).isEqualTo(1);
  }

  @Test
  void typesAvroCannotHoldAreErrorsNamingThem() {
    assertThatThrownBy(() -> AvroSchemas.of(ROW(FIELD("m", MAP(INT(), STRING())))))
        .isInstanceOf(ConnectorException.class)
        .hasMessage("Format 'avro' cannot hold type MAP<INT, STRING>: it needs string keys (Avro maps"
            + " have string keys).");
    assertThatThrownBy(() -> AvroSchemas.of(ROW(FIELD("t", TIMESTAMP(9)))))
        .hasMessageContaining("a precision of at most 6");
  }
}
