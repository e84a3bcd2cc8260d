package io.strom.format.json;

import io.strom.types.DataTypes;
import io.strom.types.RowType;
import io.strom.types.RowType.RowField;
import java.util.List;

/** The part of a Debezium change event that Strom reads and writes: before, after and op. */
final class DebeziumEnvelope {
  static final int BEFORE = 0;
  static final int AFTER = 1;
  static final int OP = 2;

  private DebeziumEnvelope() {}

  /**
   * {@code ROW<before ROW<...>, after ROW<...>, op STRING>} over the table's physical row, or with
   * {@code schemaInclude} that row under a {@code payload} field.
   */
  static RowType type(RowType physicalType, boolean schemaInclude) {
    RowType image = (RowType) physicalType.copy(true);
    RowType change = new RowType(List.of(
        new RowField("before", image),
        new RowField("after", image),
        new RowField("op", DataTypes.STRING())));
    return schemaInclude ? new RowType(List.of(new RowField("payload", change))) : change;
  }
}
