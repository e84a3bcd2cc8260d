package io.strom.format.avro;

import io.strom.data.DecimalData;
import io.strom.data.GenericArray;
import io.strom.data.GenericMap;
import io.strom.data.GenericRow;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.types.ArrayType;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.MapType;
import io.strom.types.RowType;
import io.strom.types.TimestampType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;

/**
 * Converts between Strom's internal values (in generic form: {@link StringData}, {@link
 * GenericArray}, {@link GenericRow}, ...) and the values Avro's generic datum reader and writer
 * use, for the schemas {@link AvroSchemas} derives.
 */
final class AvroValues {
  private AvroValues() {}

  /** The Avro value of a non-null internal value of {@code type}; {@code schema} may be a union. */
  static Object toAvro(Object value, LogicalType type, Schema schema) {
    if (value == null) {
      return null;
    }
    Schema target = nonNull(schema);
    return switch (type.root()) {
      case TINYINT -> (int) (Byte) value;
      case SMALLINT -> (int) (Short) value;
      case CHAR, VARCHAR -> new Utf8(((StringData) value).toBytes());
      case BINARY, VARBINARY -> ByteBuffer.wrap((byte[]) value);
      case DECIMAL -> ByteBuffer.wrap(
          ((DecimalData) value).toBigDecimal().unscaledValue().toByteArray());
      case TIMESTAMP_WITHOUT_TIME_ZONE ->
          epoch((TimestampData) value, ((TimestampType) type).precision());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          epoch((TimestampData) value, ((LocalZonedTimestampType) type).precision());
      case ARRAY -> {
        GenericArray array = (GenericArray) value;
        LogicalType element = ((ArrayType) type).elementType();
        List<Object> list = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
          list.add(array.isNullAt(i) ? null : toAvro(array.getElement(i), element, target.getElementType()));
        }
        yield list;
      }
      case MAP, MULTISET -> {
        LogicalType valueType =
            type instanceof MapType map ? map.valueType() : new io.strom.types.IntType(false);
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((GenericMap) value).javaMap().entrySet()) {
          map.put(String.valueOf(e.getKey()), toAvro(e.getValue(), valueType, target.getValueType()));
        }
        yield map;
      }
      case ROW -> {
        RowType rowType = (RowType) type;
        GenericRow row = (GenericRow) value;
        GenericData.Record record = new GenericData.Record(target);
        for (int i = 0; i < rowType.fieldCount(); i++) {
          record.put(i, row.isNullAt(i) ? null : toAvro(row.getField(i), rowType.fields().get(i).type(),
              target.getFields().get(i).schema()));
        }
        yield record;
      }
      default -> value; // booleans, ints, longs, floats, doubles, dates, times, intervals
    };
  }

  /** The internal value of a non-null Avro value read for {@code type}. */
  static Object fromAvro(Object value, LogicalType type) {
    if (value == null) {
      return null;
    }
    return switch (type.root()) {
      case TINYINT -> (byte) (int) (Integer) value;
      case SMALLINT -> (short) (int) (Integer) value;
      case CHAR, VARCHAR -> string(value);
      case BINARY, VARBINARY -> bytes((ByteBuffer) value);
      case DECIMAL -> {
        DecimalType decimal = (DecimalType) type;
        BigDecimal number = new BigDecimal(new BigInteger(bytes((ByteBuffer) value)), decimal.scale());
        yield DecimalData.fromBigDecimal(number, decimal.precision(), decimal.scale());
      }
      case TIMESTAMP_WITHOUT_TIME_ZONE ->
          timestamp((Long) value, ((TimestampType) type).precision());
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          timestamp((Long) value, ((LocalZonedTimestampType) type).precision());
      case ARRAY -> {
        LogicalType element = ((ArrayType) type).elementType();
        Collection<?> items = (Collection<?>) value;
        Object[] values = new Object[items.size()];
        int i = 0;
        for (Object item : items) {
          values[i++] = fromAvro(item, element);
        }
        yield new GenericArray(values);
      }
      case MAP, MULTISET -> {
        LogicalType valueType =
            type instanceof MapType map ? map.valueType() : new io.strom.types.IntType(false);
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          map.put(string(e.getKey()), fromAvro(e.getValue(), valueType));
        }
        yield new GenericMap(map);
      }
      case ROW -> row((GenericRecord) value, (RowType) type);
      default -> value;
    };
  }

  /** The row of a record with the fields of {@code type}, in order. */
  static GenericRow row(GenericRecord record, RowType type) {
    GenericRow row = new GenericRow(type.fieldCount());
    for (int i = 0; i < type.fieldCount(); i++) {
      Object field = record.get(i);
      if (field == null) {
        row.setNullAt(i);
      } else {
        row.setField(i, fromAvro(field, type.fields().get(i).type()));
      }
    }
    return row;
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    for (Schema branch : schema.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        return branch;
      }
    }
    return schema;
  }

  private static StringData string(Object value) {
    if (value instanceof Utf8 utf8) {
      return StringData.fromBytes(Arrays.copyOf(utf8.getBytes(), utf8.getByteLength()));
    }
    return StringData.fromString(value.toString());
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /** Milliseconds since the epoch up to precision 3, else microseconds. */
  private static long epoch(TimestampData timestamp, int precision) {
    return precision <= 3
        ? timestamp.millisecond()
        : Math.multiplyExact(timestamp.millisecond(), 1000L) + timestamp.nanoOfMillisecond() / 1000;
  }

  private static TimestampData timestamp(long epoch, int precision) {
    if (precision <= 3) {
      return TimestampData.fromEpochMillis(epoch);
    }
    return TimestampData.fromEpochMillis(
        Math.floorDiv(epoch, 1000L), (int) Math.floorMod(epoch, 1000L) * 1000);
  }
}
