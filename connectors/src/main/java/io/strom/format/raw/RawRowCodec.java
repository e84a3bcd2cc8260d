package io.strom.format.raw;

import io.strom.connector.ChangelogMode;
import io.strom.connector.RowCollector;
import io.strom.connector.RowDecoder;
import io.strom.connector.RowEncoder;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.StringData;
import io.strom.serde.DataOutputSerializer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes and encodes the {@code raw} format: the record's bytes are the one column's value. A
 * NULL is a record without bytes (a Kafka record whose value is null), so it stays apart from an
 * empty string. Any bytes decode, so no record is malformed.
 */
final class RawRowCodec implements RowDecoder, RowEncoder {
  private static final long serialVersionUID = 1L;

  private final boolean string;
  private final String charsetName;
  private transient Charset charset;
  private transient GenericRow row;

  /** @param string whether the column is a string (else bytes) */
  RawRowCodec(boolean string, String charsetName) {
    this.string = string;
    this.charsetName = charsetName;
  }

  @Override
  public void decodeAbsent(RowCollector out) {
    prepare();
    row.setNullAt(0);
    out.collect(row);
  }

  private void prepare() {
    if (row == null) {
      row = new GenericRow(1);
      charset = Charset.forName(charsetName);
    }
  }

  @Override
  public void decode(byte[] bytes, int offset, int length, RowCollector out) {
    prepare();
    if (!string) {
      row.setField(0, Arrays.copyOfRange(bytes, offset, offset + length));
    } else if (charset.equals(StandardCharsets.UTF_8)) {
      row.setField(0, StringData.fromBytes(Arrays.copyOfRange(bytes, offset, offset + length)));
    } else {
      row.setField(0, StringData.fromString(new String(bytes, offset, length, charset)));
    }
    out.collect(row);
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.insertOnly();
  }

  @Override
  public boolean encodesAsAbsent(Row value) {
    return value.isNullAt(0);
  }

  @Override
  public void encode(Row value, DataOutputSerializer out) {
    if (value.isNullAt(0)) {
      return;
    }
    if (!string) {
      out.write(value.getBinary(0));
    } else if (charsetName.equals(StandardCharsets.UTF_8.name())) {
      StringData text = value.getString(0);
      out.write(text.byteArray(), text.offset(), text.sizeInBytes());
    } else {
      out.write(value.getString(0).toString().getBytes(Charset.forName(charsetName)));
    }
  }
}
