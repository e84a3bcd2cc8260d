package io.strom.format.avro;

import static java.util.Objects.requireNonNull;

import io.strom.connector.RowEncoder;
import io.strom.data.GenericConverter;
import io.strom.data.Row;
import io.strom.format.SerializerOutputStream;
import io.strom.serde.DataOutputSerializer;
import io.strom.types.RowType;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Encodes a row as one Avro binary-encoded record of the schema derived from its type. */
final class AvroRowEncoder implements RowEncoder {
  private static final long serialVersionUID = 1L;

  private final RowType type;
  /** The schema as JSON text: Avro schemas are not serializable. */
  private final String schemaText;

  private transient Schema schema;
  private transient GenericDatumWriter<GenericRecord> writer;
  private transient BinaryEncoder encoder;
  private transient SerializerOutputStream target;

  AvroRowEncoder(RowType type) {
    this.type = requireNonNull(type, "type");
    this.schemaText = AvroSchemas.of(type).toString();
  }

  @Override
  public void encode(Row row, DataOutputSerializer out) throws IOException {
    if (writer == null) {
      schema = new Schema.Parser().parse(schemaText);
      writer = new GenericDatumWriter<>(schema);
      target = new SerializerOutputStream();
    }
    GenericData.Record record = new GenericData.Record(schema);
    for (int i = 0; i < type.fieldCount(); i++) {
      var fieldType = type.fields().get(i).type();
      record.put(i, row.isNullAt(i)
          ? null
          : AvroValues.toAvro(GenericConverter.get(row, i, fieldType), fieldType,
              schema.getFields().get(i).schema()));
    }
    target.target(out);
    encoder = EncoderFactory.get().directBinaryEncoder(target, encoder);
    writer.write(record, encoder);
    encoder.flush();
  }
}
