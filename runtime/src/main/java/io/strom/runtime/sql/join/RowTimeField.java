package io.strom.runtime.sql.join;

import io.strom.data.Row;
import java.io.Serializable;

/**
 * Where a row keeps its event time: a TIMESTAMP or TIMESTAMP_LTZ field and its precision.
 *
 * @param index the field's position in the row
 * @param precision the field's timestamp precision
 */
public record RowTimeField(int index, int precision) implements Serializable {
  public RowTimeField {
    if (index < 0) {
      throw new IllegalArgumentException("A time field's index must not be negative, got " + index);
    }
  }

  /** The event time of {@code row} in milliseconds, or null when the field is NULL. */
  Long millisOf(Row row) {
    return row.isNullAt(index) ? null : row.getTimestamp(index, precision).millisecond();
  }
}
