package io.strom.runtime.sql.over;

import java.io.Serializable;

/**
 * The frame of an OVER aggregation, which always ends at the current row: the rows before it that
 * count ({@code ROWS}: how many; {@code RANGE}: how much earlier, in milliseconds) and what orders
 * rows (event time from a field, or arrival).
 *
 * @param rows whether the frame counts rows (ROWS) rather than time (RANGE)
 * @param preceding how many rows or milliseconds before the current row; -1 for UNBOUNDED
 * @param eventTime whether the order is the event time in {@code timeIndex}, else arrival
 * @param timeIndex the event-time field (unused on processing time)
 * @param timePrecision its TIMESTAMP precision
 */
public record OverWindowSpec(
    boolean rows, long preceding, boolean eventTime, int timeIndex, int timePrecision)
    implements Serializable {
  public OverWindowSpec {
    if (preceding < -1) {
      throw new IllegalArgumentException("preceding must be -1 (unbounded) or >= 0: " + preceding);
    }
  }

  public boolean unbounded() {
    return preceding < 0;
  }

  /**
   * Whether rows wait until their time is complete, to be processed in time order with all rows
   * of the same time: always on event time; on processing time for bounded RANGE frames, whose
   * rows of one millisecond share a result.
   */
  boolean buffered() {
    return eventTime || (!rows && !unbounded());
  }
}
