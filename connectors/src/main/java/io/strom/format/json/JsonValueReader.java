package io.strom.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.strom.connector.RowDecodeException;
import io.strom.data.DecimalData;
import io.strom.data.GenericArray;
import io.strom.data.GenericMap;
import io.strom.data.GenericRow;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.format.TemporalCodec;
import io.strom.types.ArrayType;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.MapType;
import io.strom.types.MultisetType;
import io.strom.types.RowType;
import io.strom.types.TimestampType;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON value at the parser's current token as one SQL type, checking the token type
 * itself so that lossy conversions are errors: {@code 1.5} into an INT column fails rather than
 * truncating. Strings holding a value's text (e.g. {@code "42"} for an INT) are accepted, as in
 * Flink. Used by one thread.
 */
final class JsonValueReader implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LogicalType type;
  private final String path;
  private final JsonValueReader[] children;
  private final JsonFieldTable fields;
  private final boolean failOnMissingField;
  private transient byte[] ascii;

  JsonValueReader(LogicalType type, String path, boolean failOnMissingField) {
    this.type = type;
    this.path = path;
    this.failOnMissingField = failOnMissingField;
    if (type instanceof RowType row) {
      children = new JsonValueReader[row.fieldCount()];
      for (int i = 0; i < children.length; i++) {
        String name = row.fieldNames().get(i);
        children[i] = new JsonValueReader(
            row.typeAt(i), path.isEmpty() ? name : path + "." + name, failOnMissingField);
      }
      fields = new JsonFieldTable(row.fieldNames());
    } else {
      fields = null;
      if (type instanceof ArrayType array) {
        children = new JsonValueReader[] {new JsonValueReader(array.elementType(), path + "[]", failOnMissingField)};
      } else if (type instanceof MapType map) {
        children = new JsonValueReader[] {
          new JsonValueReader(map.keyType(), path + ".<key>", failOnMissingField),
          new JsonValueReader(map.valueType(), path + ".<value>", failOnMissingField)
        };
      } else if (type instanceof MultisetType multiset) {
        children = new JsonValueReader[] {
          new JsonValueReader(multiset.elementType(), path + ".<element>", failOnMissingField),
          new JsonValueReader(new io.strom.types.IntType(false), path + ".<count>", failOnMissingField)
        };
      } else {
        children = new JsonValueReader[0];
      }
    }
  }

  /** Reads the fields of the object whose {@code START_OBJECT} is current into {@code row}. */
  void readFields(JsonParser p, GenericRow row, boolean[] seen) throws IOException, RowDecodeException {
    Arrays.fill(seen, false);
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken token = p.nextToken();
      int pos = fields.indexOf(name);
      if (pos < 0) {
        p.skipChildren();
        continue;
      }
      seen[pos] = true;
      if (token == JsonToken.VALUE_NULL) {
        row.setNullAt(pos);
      } else {
        children[pos].readInto(p, token, row, pos);
      }
    }
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        if (failOnMissingField) {
          throw new RowDecodeException("field '" + children[i].path + "' is missing");
        }
        row.setNullAt(i);
      }
    }
  }

  /** Reads a non-null value into {@code row} at {@code pos}, without boxing primitives. */
  void readInto(JsonParser p, JsonToken token, GenericRow row, int pos)
      throws IOException, RowDecodeException {
    switch (type.root()) {
      case BOOLEAN -> row.setBoolean(pos, readBoolean(p, token));
      case TINYINT -> row.setByte(pos, (byte) readWhole(p, token, Byte.MIN_VALUE, Byte.MAX_VALUE));
      case SMALLINT -> row.setShort(pos, (short) readWhole(p, token, Short.MIN_VALUE, Short.MAX_VALUE));
      case INTEGER, INTERVAL_YEAR_MONTH ->
          row.setInt(pos, (int) readWhole(p, token, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case BIGINT, INTERVAL_DAY_TIME -> row.setLong(pos, readWhole(p, token, Long.MIN_VALUE, Long.MAX_VALUE));
      case FLOAT -> row.setFloat(pos, (float) readDouble(p, token));
      case DOUBLE -> row.setDouble(pos, readDouble(p, token));
      case DATE -> row.setDate(pos, readDate(p, token));
      case TIME_WITHOUT_TIME_ZONE -> row.setTime(pos, readTime(p, token));
      default -> row.setField(pos, read(p, token));
    }
  }

  /** Reads a non-null value as its internal value, boxed. */
  Object read(JsonParser p, JsonToken token) throws IOException, RowDecodeException {
    return switch (type.root()) {
      case BOOLEAN -> readBoolean(p, token);
      case TINYINT -> (byte) readWhole(p, token, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SMALLINT -> (short) readWhole(p, token, Short.MIN_VALUE, Short.MAX_VALUE);
      case INTEGER, INTERVAL_YEAR_MONTH -> (int) readWhole(p, token, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case BIGINT, INTERVAL_DAY_TIME -> readWhole(p, token, Long.MIN_VALUE, Long.MAX_VALUE);
      case FLOAT -> (float) readDouble(p, token);
      case DOUBLE -> readDouble(p, token);
      case DATE -> readDate(p, token);
      case TIME_WITHOUT_TIME_ZONE -> readTime(p, token);
      case CHAR, VARCHAR -> readString(p, token);
      case BINARY, VARBINARY -> readBinary(p, token);
      case DECIMAL -> readDecimal(p, token);
      case TIMESTAMP_WITHOUT_TIME_ZONE -> readTimestamp(p, token, ((TimestampType) type).precision(), false);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          readTimestamp(p, token, ((LocalZonedTimestampType) type).precision(), true);
      case ARRAY -> readArray(p, token);
      case MAP, MULTISET -> readMap(p, token);
      case ROW -> readRow(p, token);
      case NULL -> {
        p.skipChildren();
        yield null;
      }
    };
  }

  private boolean readBoolean(JsonParser p, JsonToken token) throws IOException, RowDecodeException {
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = p.getText().trim();
      if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
        return text.equalsIgnoreCase("true");
      }
    }
    throw mismatch(p, token);
  }

  private long readWhole(JsonParser p, JsonToken token, long min, long max)
      throws IOException, RowDecodeException {
    long value;
    if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      value = p.getLongValue();
    } else if (token == JsonToken.VALUE_STRING) {
      try {
        value = Long.parseLong(p.getText().trim());
      } catch (NumberFormatException e) {
        throw mismatch(p, token);
      }
    } else {
      throw mismatch(p, token);
    }
    if (value < min || value > max) {
      throw new RowDecodeException(
          "field '" + path + "' expects " + type.asSummaryString() + " but got " + p.getText()
              + ", which is out of range");
    }
    return value;
  }

  private double readDouble(JsonParser p, JsonToken token) throws IOException, RowDecodeException {
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDoubleValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      try {
        return Double.parseDouble(p.getText().trim());
      } catch (NumberFormatException e) {
        throw mismatch(p, token);
      }
    }
    throw mismatch(p, token);
  }

  private DecimalData readDecimal(JsonParser p, JsonToken token) throws IOException, RowDecodeException {
    BigDecimal value;
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      value = p.getDecimalValue();
    } else if (token == JsonToken.VALUE_STRING) {
      try {
        value = new BigDecimal(p.getText().trim());
      } catch (NumberFormatException e) {
        throw mismatch(p, token);
      }
    } else {
      throw mismatch(p, token);
    }
    DecimalType decimal = (DecimalType) type;
    DecimalData result = DecimalData.fromBigDecimal(value, decimal.precision(), decimal.scale());
    if (result == null) {
      throw new RowDecodeException(
          "field '" + path + "' expects " + type.asSummaryString() + " but got " + p.getText()
              + ", which has too many digits");
    }
    return result;
  }

  private StringData readString(JsonParser p, JsonToken token) throws IOException {
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      return StringData.fromString(JsonText.copyStructure(p));
    }
    return StringData.fromString(p.getText());
  }

  private byte[] readBinary(JsonParser p, JsonToken token) throws IOException, RowDecodeException {
    if (token != JsonToken.VALUE_STRING) {
      throw mismatch(p, token);
    }
    try {
      return p.getBinaryValue();
    } catch (IOException | IllegalArgumentException e) {
      throw new RowDecodeException(
          "field '" + path + "' expects " + type.asSummaryString() + " as Base64 but got "
              + JsonText.describe(p, token));
    }
  }

  /** The current string token's chars as ASCII bytes in a reused buffer; its length, or -1. */
  private int asciiText(JsonParser p, JsonToken token) throws IOException {
    if (token != JsonToken.VALUE_STRING) {
      return -1;
    }
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    if (ascii == null || ascii.length < length) {
      ascii = new byte[Math.max(32, length)];
    }
    for (int i = 0; i < length; i++) {
      char c = chars[offset + i];
      if (c > 127) {
        return -1;
      }
      ascii[i] = (byte) c;
    }
    return length;
  }

  private int readDate(JsonParser p, JsonToken token) throws IOException, RowDecodeException {
    int length = asciiText(p, token);
    int days = length < 0 ? TemporalCodec.INVALID : TemporalCodec.parseDate(ascii, 0, length);
    if (days == TemporalCodec.INVALID) {
      throw mismatch(p, token);
    }
    return days;
  }

  private int readTime(JsonParser p, JsonToken token) throws IOException, RowDecodeException {
    int length = asciiText(p, token);
    int millis = length < 0 ? TemporalCodec.INVALID : TemporalCodec.parseTime(ascii, 0, length);
    if (millis == TemporalCodec.INVALID) {
      throw mismatch(p, token);
    }
    return millis;
  }

  private TimestampData readTimestamp(JsonParser p, JsonToken token, int precision, boolean zulu)
      throws IOException, RowDecodeException {
    int length = asciiText(p, token);
    TimestampData ts = length < 0 ? null : TemporalCodec.parseTimestamp(ascii, 0, length, precision, zulu);
    if (ts == null) {
      throw mismatch(p, token);
    }
    return ts;
  }

  private GenericArray readArray(JsonParser p, JsonToken token) throws IOException, RowDecodeException {
    if (token != JsonToken.START_ARRAY) {
      throw mismatch(p, token);
    }
    List<Object> elements = new ArrayList<>();
    JsonToken next;
    while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
      elements.add(next == JsonToken.VALUE_NULL ? null : children[0].read(p, next));
    }
    return new GenericArray(elements.toArray());
  }

  private GenericMap readMap(JsonParser p, JsonToken token) throws IOException, RowDecodeException {
    if (token != JsonToken.START_OBJECT) {
      throw mismatch(p, token);
    }
    Map<Object, Object> entries = new LinkedHashMap<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      Object key = children[0].fromKey(name);
      JsonToken valueToken = p.nextToken();
      entries.put(key, valueToken == JsonToken.VALUE_NULL ? null : children[1].read(p, valueToken));
    }
    return new GenericMap(entries);
  }

  /** A map key, which JSON always writes as a string, as this type's internal value. */
  private Object fromKey(String name) throws IOException, RowDecodeException {
    if (type.root() == io.strom.types.LogicalTypeRoot.VARCHAR
        || type.root() == io.strom.types.LogicalTypeRoot.CHAR) {
      return StringData.fromString(name);
    }
    try (JsonParser keyParser = JsonText.FACTORY.createParser(JsonText.quote(name))) {
      return read(keyParser, keyParser.nextToken());
    }
  }

  private GenericRow readRow(JsonParser p, JsonToken token) throws IOException, RowDecodeException {
    if (token != JsonToken.START_OBJECT) {
      throw mismatch(p, token);
    }
    GenericRow row = new GenericRow(children.length);
    readFields(p, row, new boolean[children.length]);
    return row;
  }

  private RowDecodeException mismatch(JsonParser p, JsonToken token) throws IOException {
    return new RowDecodeException(
        "field '" + path + "' expects " + type.asSummaryString() + " but got "
            + JsonText.describe(p, token));
  }
}
