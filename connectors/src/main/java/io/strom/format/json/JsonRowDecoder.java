package io.strom.format.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.strom.connector.DecoderContext;
import io.strom.connector.RowCollector;
import io.strom.connector.RowDecodeException;
import io.strom.connector.RowDecoder;
import io.strom.data.GenericRow;
import io.strom.format.MalformedRecords;
import io.strom.types.RowType;
import java.io.IOException;

/**
 * Decodes one JSON object per record with Jackson's streaming parser straight into a reused row:
 * fields are found by name through a hash table, fields the row does not have are skipped, and
 * no tree is built. An empty record yields no row.
 */
final class JsonRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final JsonValueReader rowReader;
  private final int arity;
  private final MalformedRecords malformed;

  private transient GenericRow row;
  private transient boolean[] seen;

  JsonRowDecoder(RowType producedType, JsonSpec spec) {
    this.rowReader = new JsonValueReader(producedType, "", spec.failOnMissingField());
    this.arity = producedType.fieldCount();
    this.malformed = new MalformedRecords("JSON", spec.ignoreParseErrors());
  }

  @Override
  public void open(DecoderContext context) {
    malformed.open(context);
  }

  @Override
  public void decode(byte[] bytes, int offset, int length, RowCollector out)
      throws RowDecodeException {
    if (row == null) {
      row = new GenericRow(arity);
      seen = new boolean[arity];
    }
    try {
      if (!decodeObject(bytes, offset, length)) {
        return;
      }
    } catch (RowDecodeException e) {
      malformed.handle(e);
      return;
    }
    out.collect(row);
  }

  /** Decodes into {@link #row}; false for an empty record. */
  private boolean decodeObject(byte[] bytes, int offset, int length) throws RowDecodeException {
    try (JsonParser p = JsonText.FACTORY.createParser(bytes, offset, length)) {
      JsonToken token = p.nextToken();
      if (token == null) {
        return false;
      }
      if (token != JsonToken.START_OBJECT) {
        throw new RowDecodeException("expected a JSON object but got " + JsonText.describe(p, token));
      }
      rowReader.readFields(p, row, seen);
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new RowDecodeException(
            "unexpected " + JsonText.describe(p, trailing) + " after the JSON object");
      }
      return true;
    } catch (JsonProcessingException e) {
      throw new RowDecodeException("malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new RowDecodeException("could not read JSON: " + e.getMessage(), e);
    }
  }
}
