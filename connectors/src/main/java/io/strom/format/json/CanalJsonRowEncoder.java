package io.strom.format.json;

import io.strom.connector.ChangelogMode;
import io.strom.connector.RowEncoder;
import io.strom.data.GenericArray;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.data.StringData;
import io.strom.serde.DataOutputSerializer;
import io.strom.types.DataTypes;
import io.strom.types.RowType;
import io.strom.types.RowType.RowField;
import java.io.IOException;
import java.util.List;

/**
 * Encodes changelog rows as Canal messages in JSON, one row each: {@code +I} and {@code +U} as
 * {@code "type": "INSERT"}, {@code -U} and {@code -D} as {@code "type": "DELETE"}, so a reader
 * applying them in order gets the same table.
 */
final class CanalJsonRowEncoder implements RowEncoder {
  private static final long serialVersionUID = 1L;
  private static final StringData INSERT = StringData.fromString("INSERT");
  private static final StringData DELETE = StringData.fromString("DELETE");

  private final JsonRowEncoder messageEncoder;
  private transient GenericRow message;
  private transient Object[] data;

  CanalJsonRowEncoder(RowType physicalType, JsonSpec spec) {
    RowType messageType = new RowType(List.of(
        new RowField("data", DataTypes.ARRAY(physicalType.copy(true))),
        new RowField("type", DataTypes.STRING())));
    this.messageEncoder = new JsonRowEncoder(messageType, spec);
  }

  @Override
  public void encode(Row row, DataOutputSerializer out) throws IOException {
    if (message == null) {
      message = new GenericRow(2);
      data = new Object[1];
    }
    boolean added = row.kind() == RowKind.INSERT || row.kind() == RowKind.UPDATE_AFTER;
    data[0] = row;
    message.setField(0, new GenericArray(data));
    message.setField(1, added ? INSERT : DELETE);
    messageEncoder.encode(message, out);
  }

  @Override
  public ChangelogMode changelogMode() {
    return ChangelogMode.all();
  }
}
