package io.strom.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.strom.data.ArrayData;
import io.strom.data.DataGetters;
import io.strom.data.MapData;
import io.strom.data.Row;
import io.strom.data.StringData;
import io.strom.format.TemporalCodec;
import io.strom.format.json.JsonFormatOptions.MapNullKeyMode;
import io.strom.format.json.JsonFormatOptions.TimestampFormat;
import io.strom.types.ArrayType;
import io.strom.types.DecimalType;
import io.strom.types.IntType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.MapType;
import io.strom.types.MultisetType;
import io.strom.types.RowType;
import io.strom.types.TimestampType;
import java.io.IOException;
import java.io.Serializable;

/** Writes non-null values of one SQL type with a Jackson generator, as {@link JsonValueReader} reads them. */
final class JsonValueWriter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LogicalType type;
  private final String path;
  private final JsonSpec spec;
  private final JsonValueWriter[] children;
  private final String[] fieldNames;
  private transient char[] chars;

  JsonValueWriter(LogicalType type, String path, JsonSpec spec) {
    this.type = type;
    this.path = path;
    this.spec = spec;
    if (type instanceof RowType row) {
      fieldNames = row.fieldNames().toArray(new String[0]);
      children = new JsonValueWriter[fieldNames.length];
      for (int i = 0; i < children.length; i++) {
        children[i] = new JsonValueWriter(row.typeAt(i), path.isEmpty() ? fieldNames[i] : path + "." + fieldNames[i], spec);
      }
      return;
    }
    fieldNames = null;
    if (type instanceof ArrayType array) {
      children = new JsonValueWriter[] {new JsonValueWriter(array.elementType(), path, spec)};
    } else if (type instanceof MapType map) {
      children = new JsonValueWriter[] {
        new JsonValueWriter(map.keyType(), path, spec), new JsonValueWriter(map.valueType(), path, spec)
      };
    } else if (type instanceof MultisetType multiset) {
      children = new JsonValueWriter[] {
        new JsonValueWriter(multiset.elementType(), path, spec),
        new JsonValueWriter(new IntType(false), path, spec)
      };
    } else {
      children = new JsonValueWriter[0];
    }
  }

  /** Writes the fields of {@code row} as an object's members. */
  void writeFields(Row row, JsonGenerator g) throws IOException {
    for (int i = 0; i < children.length; i++) {
      if (row.isNullAt(i)) {
        if (!spec.ignoreNullFields()) {
          g.writeNullField(fieldNames[i]);
        }
      } else {
        g.writeFieldName(fieldNames[i]);
        children[i].write(row, i, g);
      }
    }
  }

  /** Writes the non-null value at {@code pos}. */
  void write(DataGetters data, int pos, JsonGenerator g) throws IOException {
    switch (type.root()) {
      case BOOLEAN -> g.writeBoolean(data.getBoolean(pos));
      case TINYINT -> g.writeNumber(data.getByte(pos));
      case SMALLINT -> g.writeNumber(data.getShort(pos));
      case INTEGER, INTERVAL_YEAR_MONTH -> g.writeNumber(data.getInt(pos));
      case BIGINT, INTERVAL_DAY_TIME -> g.writeNumber(data.getLong(pos));
      case FLOAT -> g.writeNumber(data.getFloat(pos));
      case DOUBLE -> g.writeNumber(data.getDouble(pos));
      case DECIMAL -> {
        DecimalType d = (DecimalType) type;
        g.writeNumber(data.getDecimal(pos, d.precision(), d.scale()).toBigDecimal());
      }
      case CHAR, VARCHAR -> {
        StringData s = data.getString(pos);
        g.writeUTF8String(s.byteArray(), s.offset(), s.sizeInBytes());
      }
      case BINARY, VARBINARY -> g.writeBinary(data.getBinary(pos));
      case DATE -> g.writeString(chars(), 0, TemporalCodec.formatDate(data.getInt(pos), chars(), 0));
      case TIME_WITHOUT_TIME_ZONE ->
          g.writeString(chars(), 0, TemporalCodec.formatTime(data.getInt(pos), chars(), 0));
      case TIMESTAMP_WITHOUT_TIME_ZONE -> g.writeString(chars(), 0, TemporalCodec.formatTimestamp(
          data.getTimestamp(pos, ((TimestampType) type).precision()), separator(), false, chars(), 0));
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> g.writeString(chars(), 0, TemporalCodec.formatTimestamp(
          data.getTimestamp(pos, ((LocalZonedTimestampType) type).precision()), separator(), true,
          chars(), 0));
      case ARRAY -> writeArray(data.getArray(pos), g);
      case MAP, MULTISET -> writeMap(data.getMap(pos), g);
      case ROW -> {
        g.writeStartObject();
        writeFields(data.getRow(pos, children.length), g);
        g.writeEndObject();
      }
      case NULL -> g.writeNull();
    }
  }

  private void writeArray(ArrayData array, JsonGenerator g) throws IOException {
    g.writeStartArray();
    for (int i = 0; i < array.size(); i++) {
      if (array.isNullAt(i)) {
        g.writeNull();
      } else {
        children[0].write(array, i, g);
      }
    }
    g.writeEndArray();
  }

  private void writeMap(MapData map, JsonGenerator g) throws IOException {
    ArrayData keys = map.keyArray();
    ArrayData values = map.valueArray();
    g.writeStartObject();
    for (int i = 0; i < map.size(); i++) {
      if (keys.isNullAt(i)) {
        if (spec.mapNullKeyMode() == MapNullKeyMode.FAIL) {
          throw new JsonEncodeException(
              "field '" + path + "' holds a map with a NULL key; set 'json.map-null-key.mode' to "
                  + "'DROP' or 'LITERAL' to write such maps");
        }
        if (spec.mapNullKeyMode() == MapNullKeyMode.DROP) {
          continue;
        }
        g.writeFieldName(spec.mapNullKeyLiteral());
      } else {
        g.writeFieldName(children[0].keyText(keys, i));
      }
      if (values.isNullAt(i)) {
        g.writeNull();
      } else {
        children[1].write(values, i, g);
      }
    }
    g.writeEndObject();
  }

  /** The text of a map key, which JSON writes as an object member name. */
  private String keyText(ArrayData keys, int pos) {
    return switch (type.root()) {
      case CHAR, VARCHAR -> keys.getString(pos).toString();
      default -> String.valueOf(io.strom.data.GenericConverter.get(keys, pos, type));
    };
  }

  private char separator() {
    return spec.timestampFormat() == TimestampFormat.SQL ? ' ' : 'T';
  }

  private char[] chars() {
    if (chars == null) {
      chars = new char[TemporalCodec.MAX_TIMESTAMP_CHARS];
    }
    return chars;
  }
}
