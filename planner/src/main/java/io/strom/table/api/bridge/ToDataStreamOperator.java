package io.strom.table.api.bridge;

import io.strom.data.Row;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;

/**
 * Turns a table's rows into a stream's elements. When the table has an event-time attribute, it
 * becomes each element's timestamp, so DataStream windows and timers downstream see event time.
 */
final class ToDataStreamOperator<T> extends AbstractOperator<T> implements OneInputOperator<Row, T> {
  private static final long serialVersionUID = 1L;

  private final ElementWriter<T> writer;
  private final int rowtimeIndex;
  private final int rowtimePrecision;

  /** @param rowtimeIndex the event-time column, or -1 */
  ToDataStreamOperator(ElementWriter<T> writer, int rowtimeIndex, int rowtimePrecision) {
    this.writer = writer;
    this.rowtimeIndex = rowtimeIndex;
    this.rowtimePrecision = rowtimePrecision;
  }

  @Override
  public void processElement(Row row, long timestamp) throws Exception {
    long time = rowtimeIndex >= 0 && !row.isNullAt(rowtimeIndex)
        ? row.getTimestamp(rowtimeIndex, rowtimePrecision).millisecond()
        : timestamp;
    output.collect(writer.write(row), time);
  }
}
