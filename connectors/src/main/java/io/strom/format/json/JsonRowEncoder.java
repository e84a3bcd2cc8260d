package io.strom.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.strom.connector.RowEncoder;
import io.strom.data.Row;
import io.strom.serde.DataOutputSerializer;
import io.strom.types.RowType;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes a row as one JSON object with a single Jackson generator kept for the encoder's life;
 * each record is flushed into the caller's buffer.
 */
final class JsonRowEncoder implements RowEncoder {
  private static final long serialVersionUID = 1L;

  private final JsonValueWriter rowWriter;
  private final boolean decimalAsPlainNumber;
  private transient TargetStream target;
  private transient JsonGenerator generator;

  JsonRowEncoder(RowType type, JsonSpec spec) {
    this.rowWriter = new JsonValueWriter(type, "", spec);
    this.decimalAsPlainNumber = spec.decimalAsPlainNumber();
  }

  @Override
  public void encode(Row row, DataOutputSerializer out) throws IOException {
    if (generator == null) {
      target = new TargetStream();
      generator = JsonText.FACTORY.createGenerator(target);
      generator.setRootValueSeparator(null);
      if (decimalAsPlainNumber) {
        generator.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      }
    }
    target.out = out;
    generator.writeStartObject();
    rowWriter.writeFields(row, generator);
    generator.writeEndObject();
    generator.flush();
  }

  /** Forwards the generator's output to the buffer of the record being encoded. */
  private static final class TargetStream extends OutputStream {
    DataOutputSerializer out;

    @Override
    public void write(int b) {
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      out.write(b, off, len);
    }
  }
}
