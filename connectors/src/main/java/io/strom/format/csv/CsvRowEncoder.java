package io.strom.format.csv;

import io.strom.connector.RowEncoder;
import io.strom.data.Row;
import io.strom.format.ByteBuilder;
import io.strom.serde.DataOutputSerializer;
import io.strom.types.LogicalTypeRoot;
import io.strom.types.RowType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes a row as one CSV line: fields are quoted only when they must be (they hold the
 * delimiter, a quote, the escape character or a line break, or would otherwise read back as
 * NULL), quotes inside are doubled; NULL is the null literal or an empty field.
 */
final class CsvRowEncoder implements RowEncoder {
  private static final long serialVersionUID = 1L;

  private final CsvSpec spec;
  private final CsvValueWriter[] writers;
  private final boolean[] isString;
  private final byte[] nullLiteral;
  private transient ByteBuilder field;

  CsvRowEncoder(RowType type, CsvSpec spec) {
    this.spec = spec;
    this.writers = new CsvValueWriter[type.fieldCount()];
    this.isString = new boolean[type.fieldCount()];
    for (int i = 0; i < writers.length; i++) {
      writers[i] = new CsvValueWriter(type.typeAt(i), spec);
      LogicalTypeRoot root = type.typeAt(i).root();
      isString[i] = root == LogicalTypeRoot.CHAR || root == LogicalTypeRoot.VARCHAR;
    }
    this.nullLiteral = spec.nullLiteral() == null
        ? new byte[0] : spec.nullLiteral().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void encode(Row row, DataOutputSerializer out) {
    if (field == null) {
      field = new ByteBuilder(256);
    }
    for (int i = 0; i < writers.length; i++) {
      if (i > 0) {
        out.write(spec.fieldDelimiter());
      }
      if (row.isNullAt(i)) {
        out.write(nullLiteral, 0, nullLiteral.length);
        continue;
      }
      field.clear();
      writers[i].write(row, i, field);
      writeField(field.bytes(), field.length(), isString[i], out);
    }
  }

  private void writeField(byte[] b, int len, boolean string, DataOutputSerializer out) {
    int quote = spec.quote();
    int escape = spec.escape();
    boolean special = false;
    for (int i = 0; i < len && !special; i++) {
      byte c = b[i];
      special = c == spec.fieldDelimiter() || c == '\n' || c == '\r'
          || (quote >= 0 && c == quote) || (escape >= 0 && c == escape);
    }
    boolean readsAsNull = spec.nullLiteral() != null
        ? Arrays.equals(b, 0, len, nullLiteral, 0, nullLiteral.length)
        : len == 0 && !string;
    if (!special && !readsAsNull) {
      out.write(b, 0, len);
    } else if (quote >= 0) {
      out.write(quote);
      for (int i = 0; i < len; i++) {
        if (b[i] == quote || (escape >= 0 && b[i] == escape)) {
          out.write(b[i] == quote ? quote : escape);
        }
        out.write(b[i]);
      }
      out.write(quote);
    } else if (escape >= 0) {
      for (int i = 0; i < len; i++) {
        byte c = b[i];
        if (c == spec.fieldDelimiter() || c == escape || c == '\n' || c == '\r') {
          out.write(escape);
        }
        out.write(c);
      }
    } else {
      out.write(b, 0, len); // no quote and no escape character: written as is, as the user chose
    }
  }
}
