package io.strom.format.json;

import io.strom.connector.ChangelogMode;
import io.strom.connector.RowEncoder;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.serde.DataOutputSerializer;
import io.strom.types.RowType;
import java.io.IOException;

/**
 * Encodes changelog rows as Debezium change events in JSON: {@code +I} and {@code +U} as a create
 * ({@code "op": "c"} with {@code after}), {@code -U} and {@code -D} as a delete ({@code "op": "d"}
 * with {@code before}); a reader applying the events in order gets the same table.
 */
final class DebeziumJsonRowEncoder implements RowEncoder {
  private static final long serialVersionUID = 1L;
  private static final StringData CREATE = StringData.fromString("c");
  private static final StringData DELETE = StringData.fromString("d");

  private final JsonRowEncoder envelopeEncoder;
  private transient GenericRow envelope;

  DebeziumJsonRowEncoder(RowType physicalType, JsonSpec spec) {
    this.envelopeEncoder = new JsonRowEncoder(DebeziumEnvelope.type(physicalType, false), spec);
  }

  @Override
  public void encode(Row row, DataOutputSerializer out) throws IOException {
    if (envelope == null) {
      envelope = new GenericRow(3);
    }
    boolean added = row.kind() == RowKind.INSERT || row.kind() == RowKind.UPDATE_AFTER;
    envelope.setField(DebeziumEnvelope.BEFORE, added ? null : row);
    envelope.setField(DebeziumEnvelope.AFTER, added ? row : null);
    envelope.setField(DebeziumEnvelope.OP, added ? CREATE : DELETE);
    envelopeEncoder.encode(envelope, out);
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.all();
  }
}
