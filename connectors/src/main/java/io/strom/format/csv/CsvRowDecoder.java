package io.strom.format.csv;

import io.strom.connector.DecoderContext;
import io.strom.connector.RowCollector;
import io.strom.connector.RowDecodeException;
import io.strom.connector.RowDecoder;
import io.strom.data.GenericRow;
import io.strom.format.ByteBuilder;
import io.strom.format.MalformedRecords;
import io.strom.types.RowType;
import java.util.Arrays;

/**
 * Decodes one CSV line (RFC 4180: fields in quotes may hold delimiters, line breaks and doubled
 * quotes) into a reused row, parsing only the columns the projection keeps.
 */
final class CsvRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final CsvSpec spec;
  private final int columns;
  /** The parser of each column the projection keeps; null for skipped columns. */
  private final CsvValueParser[] parsers;
  /** The output position of each column, or -1. */
  private final int[] targets;
  private final int producedArity;
  private final MalformedRecords malformed;

  private transient GenericRow row;
  private transient ByteBuilder scratch;

  // The field found by the last scan: its bytes, range and whether it was quoted.
  private transient byte[] fieldBytes;
  private transient int fieldOffset;
  private transient int fieldLength;
  private transient boolean fieldQuoted;

  CsvRowDecoder(RowType physicalType, int[] projection, CsvSpec spec) {
    this.spec = spec;
    this.malformed = new MalformedRecords("CSV", spec.ignoreParseErrors());
    this.columns = physicalType.fieldCount();
    this.parsers = new CsvValueParser[columns];
    this.targets = new int[columns];
    Arrays.fill(targets, -1);
    for (int i = 0; i < projection.length; i++) {
      int column = projection[i];
      targets[column] = i;
      parsers[column] = new CsvValueParser(
          physicalType.typeAt(column), physicalType.fieldNames().get(column), spec);
    }
    this.producedArity = projection.length;
  }

  @Override
  public void open(DecoderContext context) {
    malformed.open(context);
  }

  @Override
  public void decode(byte[] bytes, int offset, int length, RowCollector out)
      throws RowDecodeException {
    if (spec.allowComments() && length > 0 && bytes[offset] == '#') {
      return;
    }
    if (row == null) {
      row = new GenericRow(producedArity);
      scratch = new ByteBuilder(256);
    }
    try {
      parseLine(bytes, offset, offset + length);
    } catch (RowDecodeException e) {
      malformed.handle(e);
      return;
    }
    out.collect(row);
  }

  private void parseLine(byte[] b, int start, int end) throws RowDecodeException {
    int pos = start;
    for (int column = 0; column < columns; column++) {
      if (column > 0) {
        if (pos >= end) {
          throw new RowDecodeException(
              "expected " + columns + " fields but found " + column);
        }
        pos++; // the delimiter
      }
      pos = scanField(b, pos, end);
      int target = targets[column];
      if (target >= 0) {
        CsvValueParser parser = parsers[column];
        if (parser.isNull(fieldBytes, fieldOffset, fieldLength, fieldQuoted)) {
          row.setNullAt(target);
        } else {
          parser.parseInto(fieldBytes, fieldOffset, fieldLength, row, target);
        }
      }
    }
    if (pos < end) {
      throw new RowDecodeException(
          "expected " + columns + " fields but found more");
    }
  }

  /** Finds the field starting at {@code pos}; returns the position of the delimiter or the end. */
  private int scanField(byte[] b, int pos, int end) throws RowDecodeException {
    byte delimiter = spec.fieldDelimiter();
    int quote = spec.quote();
    int escape = spec.escape();
    fieldQuoted = quote >= 0 && pos < end && b[pos] == quote;
    if (!fieldQuoted && escape < 0) {
      int i = pos;
      while (i < end && b[i] != delimiter) {
        i++;
      }
      fieldBytes = b;
      fieldOffset = pos;
      fieldLength = i - pos;
      return i;
    }
    scratch.clear();
    int i = fieldQuoted ? pos + 1 : pos;
    while (true) {
      if (i >= end) {
        if (fieldQuoted) {
          throw new RowDecodeException("a quoted field is not closed");
        }
        break;
      }
      byte c = b[i];
      if (escape >= 0 && c == escape && i + 1 < end) {
        scratch.append(b[i + 1]);
        i += 2;
      } else if (fieldQuoted && c == quote) {
        if (i + 1 < end && b[i + 1] == quote) {
          scratch.append(c);
          i += 2;
        } else {
          i++;
          if (i < end && b[i] != delimiter) {
            throw new RowDecodeException("unexpected text after a closing quote");
          }
          break;
        }
      } else if (!fieldQuoted && c == delimiter) {
        break;
      } else {
        scratch.append(c);
        i++;
      }
    }
    fieldBytes = scratch.bytes();
    fieldOffset = 0;
    fieldLength = scratch.length();
    return i;
  }

  /**
   * True when the line ends inside a quoted field or with an escape character: the line break then
   * belongs to the field.
   */
  @Override
  public boolean isIncomplete(byte[] b, int offset, int length) {
    int quote = spec.quote();
    int escape = spec.escape();
    byte delimiter = spec.fieldDelimiter();
    boolean fieldStart = true;
    boolean inQuotes = false;
    for (int i = offset; i < offset + length; i++) {
      byte c = b[i];
      if (escape >= 0 && c == escape) {
        if (i + 1 == offset + length) {
          return true;
        }
        i++;
        fieldStart = false;
      } else if (inQuotes) {
        if (c == quote) {
          if (i + 1 < offset + length && b[i + 1] == quote) {
            i++;
          } else {
            inQuotes = false;
          }
        }
      } else if (c == delimiter) {
        fieldStart = true;
        continue;
      } else if (quote >= 0 && c == quote && fieldStart) {
        inQuotes = true;
      }
      fieldStart = false;
    }
    return inQuotes;
  }
}
