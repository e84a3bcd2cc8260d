package io.strom.table.api.bridge;

import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.TimestampData;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;

/**
 * Turns a stream's elements into a table's rows; with {@code rowtime}, the element's timestamp
 * becomes the last column (NULL for elements without one). Watermarks pass on unchanged.
 */
final class FromDataStreamOperator<T> extends AbstractOperator<Row> implements OneInputOperator<T, Row> {
  private static final long serialVersionUID = 1L;

  private final ElementReader reader;
  private final boolean rowtime;

  FromDataStreamOperator(ElementReader reader, boolean rowtime) {
    this.reader = reader;
    this.rowtime = rowtime;
  }

  @Override
  public void processElement(T element, long timestamp) throws Exception {
    GenericRow row = reader.read(element, rowtime ? 1 : 0);
    if (rowtime) {
      int last = row.arity() - 1;
      if (timestamp == Output.NO_TIMESTAMP) {
        row.setNullAt(last);
      } else {
        row.setField(last, TimestampData.fromEpochMillis(timestamp));
      }
    }
    output.collect(row, timestamp);
  }
}
