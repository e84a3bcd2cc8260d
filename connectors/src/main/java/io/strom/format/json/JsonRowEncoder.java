package io.strom.format.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.strom.connector.RowEncoder;
import io.strom.data.Row;
import io.strom.format.SerializerOutputStream;
import io.strom.serde.DataOutputSerializer;
import io.strom.types.RowType;
import java.io.IOException;

/**
 * Encodes a row as one JSON object with a single Jackson generator kept for the encoder's life;
 * each record is flushed into the caller's buffer.
 */
final class JsonRowEncoder implements RowEncoder {
  private static final long serialVersionUID = 1L;

  private final JsonValueWriter rowWriter;
  private final boolean decimalAsPlainNumber;
  private transient SerializerOutputStream target;
  private transient JsonGenerator generator;

  JsonRowEncoder(RowType type, JsonSpec spec) {
    this.rowWriter = new JsonValueWriter(type, "", spec);
    this.decimalAsPlainNumber = spec.decimalAsPlainNumber();
  }

  @Override
  public void encode(Row row, DataOutputSerializer out) throws IOException {
    if (generator == null) {
      target = new SerializerOutputStream();
      generator = JsonText.FACTORY.createGenerator(target);
      generator.setRootValueSeparator(null);
      if (decimalAsPlainNumber) {
        generator.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      }
    }
    target.target(out);
    generator.writeStartObject();
    rowWriter.writeFields(row, generator);
    generator.writeEndObject();
    generator.flush();
  }
}
