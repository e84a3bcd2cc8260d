package io.strom.format.csv;

import io.strom.connector.RowDecodeException;
import io.strom.data.DecimalData;
import io.strom.data.GenericArray;
import io.strom.data.GenericRow;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import io.strom.format.TemporalCodec;
import io.strom.format.TextNumbers;
import io.strom.types.ArrayType;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.LogicalTypeRoot;
import io.strom.types.RowType;
import io.strom.types.TimestampType;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Parses the (unquoted, unescaped) text of one CSV field of one SQL type. Arrays and nested rows
 * are split by the array element delimiter; their parts are parsed by nested parsers.
 */
final class CsvValueParser implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LogicalType type;
  private final String fieldName;
  private final byte[] elementDelimiter;
  private final byte[] nullLiteral;
  private final CsvValueParser[] children;

  CsvValueParser(LogicalType type, String fieldName, CsvSpec spec) {
    this.type = type;
    this.fieldName = fieldName;
    this.elementDelimiter = spec.arrayElementDelimiter().getBytes(StandardCharsets.UTF_8);
    this.nullLiteral =
        spec.nullLiteral() == null ? null : spec.nullLiteral().getBytes(StandardCharsets.UTF_8);
    if (type instanceof ArrayType array) {
      children = new CsvValueParser[] {new CsvValueParser(array.elementType(), fieldName, spec)};
    } else if (type instanceof RowType row) {
      children = new CsvValueParser[row.fieldCount()];
      for (int i = 0; i < children.length; i++) {
        children[i] =
            new CsvValueParser(row.typeAt(i), fieldName + "." + row.fieldNames().get(i), spec);
      }
    } else {
      children = new CsvValueParser[0];
    }
  }

  /** True when the field's text stands for NULL: the null literal, or empty for non-strings. */
  boolean isNull(byte[] b, int off, int len, boolean quoted) {
    if (quoted) {
      return false;
    }
    if (nullLiteral != null) {
      return Arrays.equals(b, off, off + len, nullLiteral, 0, nullLiteral.length)
          || (len == 0 && !isString());
    }
    return len == 0 && !isString();
  }

  private boolean isString() {
    return type.root() == LogicalTypeRoot.CHAR || type.root() == LogicalTypeRoot.VARCHAR;
  }

  /** Parses non-null text into {@code row} at {@code pos}, without boxing primitives. */
  void parseInto(byte[] b, int off, int len, GenericRow row, int pos) throws RowDecodeException {
    try {
      switch (type.root()) {
        case BOOLEAN -> row.setBoolean(pos, parseBoolean(b, off, len));
        case TINYINT -> row.setByte(pos, (byte) parseWhole(b, off, len, Byte.MIN_VALUE, Byte.MAX_VALUE));
        case SMALLINT ->
            row.setShort(pos, (short) parseWhole(b, off, len, Short.MIN_VALUE, Short.MAX_VALUE));
        case INTEGER, INTERVAL_YEAR_MONTH ->
            row.setInt(pos, (int) parseWhole(b, off, len, Integer.MIN_VALUE, Integer.MAX_VALUE));
        case BIGINT, INTERVAL_DAY_TIME -> row.setLong(pos, parseWhole(b, off, len, Long.MIN_VALUE, Long.MAX_VALUE));
        case FLOAT -> row.setFloat(pos, Float.parseFloat(ascii(b, off, len).trim()));
        case DOUBLE -> row.setDouble(pos, Double.parseDouble(ascii(b, off, len).trim()));
        case DATE -> row.setDate(pos, parseDate(b, off, len));
        case TIME_WITHOUT_TIME_ZONE -> row.setTime(pos, parseTime(b, off, len));
        default -> row.setField(pos, parse(b, off, len));
      }
    } catch (NumberFormatException e) {
      throw mismatch(b, off, len);
    }
  }

  /** Parses non-null text into its internal value, boxed. */
  Object parse(byte[] b, int off, int len) throws RowDecodeException {
    try {
      return switch (type.root()) {
        case BOOLEAN -> parseBoolean(b, off, len);
        case TINYINT -> (byte) parseWhole(b, off, len, Byte.MIN_VALUE, Byte.MAX_VALUE);
        case SMALLINT -> (short) parseWhole(b, off, len, Short.MIN_VALUE, Short.MAX_VALUE);
        case INTEGER, INTERVAL_YEAR_MONTH, DATE, TIME_WITHOUT_TIME_ZONE -> parseInt(b, off, len);
        case BIGINT, INTERVAL_DAY_TIME -> parseWhole(b, off, len, Long.MIN_VALUE, Long.MAX_VALUE);
        case FLOAT -> Float.parseFloat(ascii(b, off, len).trim());
        case DOUBLE -> Double.parseDouble(ascii(b, off, len).trim());
        case CHAR, VARCHAR -> StringData.fromBytes(Arrays.copyOfRange(b, off, off + len));
        case BINARY, VARBINARY -> Base64.getDecoder().decode(Arrays.copyOfRange(b, off, off + len));
        case DECIMAL -> parseDecimal(b, off, len);
        case TIMESTAMP_WITHOUT_TIME_ZONE -> parseTimestamp(b, off, len, ((TimestampType) type).precision(), false);
        case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
            parseTimestamp(b, off, len, ((LocalZonedTimestampType) type).precision(), true);
        case ARRAY -> parseArray(b, off, len);
        case ROW -> parseRow(b, off, len);
        case MAP, MULTISET, NULL -> throw new RowDecodeException(
            "field '" + fieldName + "' has type " + type.asSummaryString() + ", which CSV cannot read");
      };
    } catch (NumberFormatException e) {
      throw mismatch(b, off, len);
    } catch (IllegalArgumentException e) {
      throw mismatch(b, off, len); // e.g. malformed Base64
    }
  }

  private int parseInt(byte[] b, int off, int len) throws RowDecodeException {
    return switch (type.root()) {
      case DATE -> parseDate(b, off, len);
      case TIME_WITHOUT_TIME_ZONE -> parseTime(b, off, len);
      default -> (int) parseWhole(b, off, len, Integer.MIN_VALUE, Integer.MAX_VALUE);
    };
  }

  private boolean parseBoolean(byte[] b, int off, int len) throws RowDecodeException {
    String text = ascii(b, off, len).trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw mismatch(b, off, len);
  }

  private long parseWhole(byte[] b, int off, int len, long min, long max) throws RowDecodeException {
    int start = off;
    int end = off + len;
    while (start < end && b[start] == ' ') {
      start++;
    }
    while (end > start && b[end - 1] == ' ') {
      end--;
    }
    long value = TextNumbers.parseLong(b, start, end - start);
    if (value < min || value > max) {
      throw mismatch(b, off, len);
    }
    return value;
  }

  private int parseDate(byte[] b, int off, int len) throws RowDecodeException {
    int days = TemporalCodec.parseDate(b, off, len);
    if (days == TemporalCodec.INVALID) {
      throw mismatch(b, off, len);
    }
    return days;
  }

  private int parseTime(byte[] b, int off, int len) throws RowDecodeException {
    int millis = TemporalCodec.parseTime(b, off, len);
    if (millis == TemporalCodec.INVALID) {
      throw mismatch(b, off, len);
    }
    return millis;
  }

  private TimestampData parseTimestamp(byte[] b, int off, int len, int precision, boolean zulu)
      throws RowDecodeException {
    TimestampData ts = TemporalCodec.parseTimestamp(b, off, len, precision, zulu);
    if (ts == null) {
      throw mismatch(b, off, len);
    }
    return ts;
  }

  private DecimalData parseDecimal(byte[] b, int off, int len) throws RowDecodeException {
    DecimalType decimal = (DecimalType) type;
    DecimalData value = DecimalData.fromBigDecimal(
        new BigDecimal(ascii(b, off, len).trim()), decimal.precision(), decimal.scale());
    if (value == null) {
      throw new RowDecodeException(
          "field '" + fieldName + "' expects " + type.asSummaryString() + " but got '"
              + text(b, off, len) + "', which has too many digits");
    }
    return value;
  }

  private GenericArray parseArray(byte[] b, int off, int len) throws RowDecodeException {
    if (len == 0) {
      return new GenericArray(new Object[0]);
    }
    CsvValueParser element = children[0];
    int count = countParts(b, off, len);
    Object[] values = new Object[count];
    int start = off;
    for (int i = 0; i < count; i++) {
      int end = i == count - 1 ? off + len : indexOf(b, start, off + len);
      values[i] = element.isNull(b, start, end - start, false) ? null : element.parse(b, start, end - start);
      start = end + elementDelimiter.length;
    }
    return new GenericArray(values);
  }

  private GenericRow parseRow(byte[] b, int off, int len) throws RowDecodeException {
    int count = countParts(b, off, len);
    if (count != children.length) {
      throw new RowDecodeException(
          "field '" + fieldName + "' expects " + children.length + " values separated by '"
              + new String(elementDelimiter, StandardCharsets.UTF_8) + "' but got '"
              + text(b, off, len) + "'");
    }
    GenericRow row = new GenericRow(count);
    int start = off;
    for (int i = 0; i < count; i++) {
      int end = i == count - 1 ? off + len : indexOf(b, start, off + len);
      if (children[i].isNull(b, start, end - start, false)) {
        row.setNullAt(i);
      } else {
        children[i].parseInto(b, start, end - start, row, i);
      }
      start = end + elementDelimiter.length;
    }
    return row;
  }

  private int countParts(byte[] b, int off, int len) {
    int count = 1;
    int end = off + len;
    for (int i = indexOf(b, off, end); i < end; i = indexOf(b, i + elementDelimiter.length, end)) {
      count++;
    }
    return count;
  }

  /** The position of the next element delimiter in {@code [from, end)}, or {@code end}. */
  private int indexOf(byte[] b, int from, int end) {
    outer:
    for (int i = from; i <= end - elementDelimiter.length; i++) {
      for (int j = 0; j < elementDelimiter.length; j++) {
        if (b[i + j] != elementDelimiter[j]) {
          continue outer;
        }
      }
      return i;
    }
    return end;
  }

  private RowDecodeException mismatch(byte[] b, int off, int len) {
    return new RowDecodeException(
        "field '" + fieldName + "' expects " + type.asSummaryString() + " but got '"
            + text(b, off, len) + "'");
  }

  private static String ascii(byte[] b, int off, int len) {
    return new String(b, off, len, StandardCharsets.ISO_8859_1);
  }

  static String text(byte[] b, int off, int len) {
    String s = new String(b, off, Math.min(len, 200), StandardCharsets.UTF_8);
    return len > 200 ? s + "..." : s;
  }
}
