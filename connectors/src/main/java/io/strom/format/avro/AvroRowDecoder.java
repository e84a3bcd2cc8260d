package io.strom.format.avro;

import static java.util.Objects.requireNonNull;

import io.strom.connector.DecoderContext;
import io.strom.connector.RowCollector;
import io.strom.connector.RowDecodeException;
import io.strom.connector.RowDecoder;
import io.strom.format.MalformedRecords;
import io.strom.types.RowType;
import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Decodes one Avro binary-encoded record (no header, the writer's schema equal to the table's
 * derived schema) per Kafka record or file record into a row.
 */
final class AvroRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final RowType type;
  /** The schema as JSON text: Avro schemas are not serializable. */
  private final String schemaText;
  private final MalformedRecords malformed;

  private transient GenericDatumReader<GenericRecord> reader;
  private transient BinaryDecoder decoder;

  AvroRowDecoder(RowType type, boolean ignoreParseErrors) {
    this.type = requireNonNull(type, "type");
    this.schemaText = AvroSchemas.of(type).toString();
    this.malformed = new MalformedRecords("Avro", ignoreParseErrors);
  }

  @Override
  public void open(DecoderContext context) {
    malformed.open(context);
  }

  @Override
  public void decode(byte[] bytes, int offset, int length, RowCollector out)
      throws RowDecodeException {
    if (reader == null) {
      reader = new GenericDatumReader<>(new Schema.Parser().parse(schemaText));
    }
    GenericRecord record;
    try {
      decoder = DecoderFactory.get().binaryDecoder(bytes, offset, length, decoder);
      record = reader.read(null, decoder);
      if (!decoder.isEnd()) {
        throw new RowDecodeException("malformed Avro: bytes left after the record");
      }
    } catch (RowDecodeException e) {
      malformed.handle(e);
      return;
    } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException
        | NegativeArraySizeException | ClassCastException e) {
      // Bytes of another schema fail in any of these ways inside Avro's reader.
      malformed.handle(new RowDecodeException("malformed Avro for the table's schema: " + e));
      return;
    }
    out.collect(AvroValues.row(record, type));
  }
}
