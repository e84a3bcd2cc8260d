package io.strom.format.csv;

import io.strom.data.ArrayData;
import io.strom.data.DataGetters;
import io.strom.data.Row;
import io.strom.format.ByteBuilder;
import io.strom.format.TemporalCodec;
import io.strom.types.ArrayType;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.RowType;
import io.strom.types.TimestampType;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes the text of a non-null value of one SQL type, as {@link CsvValueParser} reads it back:
 * timestamps as {@code yyyy-MM-dd HH:mm:ss[.fff]}, bytes as Base64, arrays and nested rows joined
 * by the array element delimiter.
 */
final class CsvValueWriter implements Serializable {
  private static final long serialVersionUID = 1L;

  private final LogicalType type;
  private final byte[] elementDelimiter;
  private final byte[] nullLiteral;
  private final CsvValueWriter[] children;
  private transient char[] chars;

  CsvValueWriter(LogicalType type, CsvSpec spec) {
    this.type = type;
    this.elementDelimiter = spec.arrayElementDelimiter().getBytes(StandardCharsets.UTF_8);
    this.nullLiteral = spec.nullLiteral() == null
        ? new byte[0] : spec.nullLiteral().getBytes(StandardCharsets.UTF_8);
    if (type instanceof ArrayType array) {
      children = new CsvValueWriter[] {new CsvValueWriter(array.elementType(), spec)};
    } else if (type instanceof RowType row) {
      children = new CsvValueWriter[row.fieldCount()];
      for (int i = 0; i < children.length; i++) {
        children[i] = new CsvValueWriter(row.typeAt(i), spec);
      }
    } else {
      children = new CsvValueWriter[0];
    }
  }

  /** Appends the text of the non-null value at {@code pos}. */
  void write(DataGetters data, int pos, ByteBuilder out) {
    switch (type.root()) {
      case BOOLEAN -> out.appendAscii(data.getBoolean(pos) ? "true" : "false");
      case TINYINT -> out.appendLong(data.getByte(pos));
      case SMALLINT -> out.appendLong(data.getShort(pos));
      case INTEGER, INTERVAL_YEAR_MONTH -> out.appendLong(data.getInt(pos));
      case BIGINT, INTERVAL_DAY_TIME -> out.appendLong(data.getLong(pos));
      case FLOAT -> out.appendAscii(Float.toString(data.getFloat(pos)));
      case DOUBLE -> out.appendAscii(Double.toString(data.getDouble(pos)));
      case DECIMAL -> {
        DecimalType d = (DecimalType) type;
        out.appendAscii(data.getDecimal(pos, d.precision(), d.scale()).toString());
      }
      case CHAR, VARCHAR -> out.append(data.getString(pos));
      case BINARY, VARBINARY -> {
        byte[] encoded = Base64.getEncoder().encode(data.getBinary(pos));
        out.append(encoded, 0, encoded.length);
      }
      case DATE -> out.appendAscii(chars(), 0, TemporalCodec.formatDate(data.getInt(pos), chars(), 0));
      case TIME_WITHOUT_TIME_ZONE ->
          out.appendAscii(chars(), 0, TemporalCodec.formatTime(data.getInt(pos), chars(), 0));
      case TIMESTAMP_WITHOUT_TIME_ZONE -> out.appendAscii(chars(), 0, TemporalCodec.formatTimestamp(
          data.getTimestamp(pos, ((TimestampType) type).precision()), ' ', false, chars(), 0));
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> out.appendAscii(chars(), 0, TemporalCodec.formatTimestamp(
          data.getTimestamp(pos, ((LocalZonedTimestampType) type).precision()), ' ', true, chars(), 0));
      case ARRAY -> writeArray(data.getArray(pos), out);
      case ROW -> writeRow(data.getRow(pos, children.length), out);
      case MAP, MULTISET, NULL -> throw new IllegalStateException(
          "Bug: CSV has no text form for " + type.asSummaryString()
              + "; the format factory should have rejected it");
    }
  }

  private void writeArray(ArrayData array, ByteBuilder out) {
    for (int i = 0; i < array.size(); i++) {
      if (i > 0) {
        out.append(elementDelimiter, 0, elementDelimiter.length);
      }
      if (array.isNullAt(i)) {
        out.append(nullLiteral, 0, nullLiteral.length);
      } else {
        children[0].write(array, i, out);
      }
    }
  }

  private void writeRow(Row row, ByteBuilder out) {
    for (int i = 0; i < children.length; i++) {
      if (i > 0) {
        out.append(elementDelimiter, 0, elementDelimiter.length);
      }
      if (row.isNullAt(i)) {
        out.append(nullLiteral, 0, nullLiteral.length);
      } else {
        children[i].write(row, i, out);
      }
    }
  }

  private char[] chars() {
    if (chars == null) {
      chars = new char[TemporalCodec.MAX_TIMESTAMP_CHARS];
    }
    return chars;
  }
}
