package io.strom.format.json;

import io.strom.connector.ChangelogMode;
import io.strom.connector.DecoderContext;
import io.strom.connector.RowCollector;
import io.strom.connector.RowDecodeException;
import io.strom.connector.RowDecoder;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.format.MalformedRecords;
import io.strom.types.RowType;

/**
 * Decodes Debezium change events in JSON into changelog rows: {@code c} (create) and {@code r}
 * (snapshot read) give {@code +I[after]}, {@code u} gives {@code -U[before]} and {@code +U[after]},
 * {@code d} gives {@code -D[before]}. The envelope ({@code before}, {@code after}, {@code op},
 * optionally under {@code payload}) is read by the JSON decoder; other envelope fields are skipped.
 */
final class DebeziumJsonRowDecoder implements RowDecoder {
  private static final long serialVersionUID = 1L;

  private final JsonRowDecoder envelopeDecoder;
  private final boolean schemaInclude;
  private final int arity;
  private final MalformedRecords malformed;
  private transient Row envelope;

  DebeziumJsonRowDecoder(RowType physicalType, JsonSpec spec, boolean schemaInclude) {
    // Errors of the envelope are handled here, so that every malformed change counts once.
    this.envelopeDecoder = new JsonRowDecoder(
        DebeziumEnvelope.type(physicalType, schemaInclude), spec.withoutErrorHandling());
    this.schemaInclude = schemaInclude;
    this.arity = physicalType.fieldCount();
    this.malformed = new MalformedRecords("Debezium JSON", spec.ignoreParseErrors());
  }

  @Override
  public void open(DecoderContext context) {
    envelopeDecoder.open(context);
    malformed.open(context);
  }

  @Override
  public void decode(byte[] bytes, int offset, int length, RowCollector out)
      throws RowDecodeException {
    envelope = null;
    try {
      // The decoded envelope stays valid until the next decode, so it is taken apart right here.
      envelopeDecoder.decode(bytes, offset, length, row -> envelope = row);
      if (envelope != null) {
        emitChanges(schemaInclude ? payload(envelope) : envelope, out);
      }
    } catch (RowDecodeException e) {
      malformed.handle(e);
    }
  }

  private Row payload(Row message) throws RowDecodeException {
    if (message.isNullAt(0)) {
      throw new RowDecodeException(
          "the Debezium message has no 'payload' ('debezium-json.schema-include' is true)");
    }
    return message.getRow(0, 3);
  }

  private void emitChanges(Row change, RowCollector out) throws RowDecodeException {
    if (change.isNullAt(DebeziumEnvelope.OP)) {
      throw new RowDecodeException("the Debezium message has no 'op' field");
    }
    String op = change.getString(DebeziumEnvelope.OP).toString();
    switch (op) {
      case "c", "r" -> out.collect(image(change, DebeziumEnvelope.AFTER, op, RowKind.INSERT));
      case "u" -> {
        Row before = image(change, DebeziumEnvelope.BEFORE, op, RowKind.UPDATE_BEFORE);
        Row after = image(change, DebeziumEnvelope.AFTER, op, RowKind.UPDATE_AFTER);
        out.collect(before);
        out.collect(after);
      }
      case "d" -> out.collect(image(change, DebeziumEnvelope.BEFORE, op, RowKind.DELETE));
      default -> throw new RowDecodeException(
          "unknown Debezium operation '" + op + "' (expected c, r, u or d)");
    }
  }

  private Row image(Row change, int field, String op, RowKind kind) throws RowDecodeException {
    if (change.isNullAt(field)) {
      String name = field == DebeziumEnvelope.BEFORE ? "before" : "after";
      throw new RowDecodeException(
          "the Debezium '" + op + "' message has no '" + name + "' row"
              + (field == DebeziumEnvelope.BEFORE
                  ? "; the source database must log whole old rows (e.g. Postgres REPLICA IDENTITY FULL)"
                  : ""));
    }
    Row row = change.getRow(field, arity);
    row.setKind(kind);
    return row;
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.all();
  }
}
