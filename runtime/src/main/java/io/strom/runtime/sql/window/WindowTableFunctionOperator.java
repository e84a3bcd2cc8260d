package io.strom.runtime.sql.window;

import static java.util.Objects.requireNonNull;

import io.strom.data.GenericRow;
import io.strom.data.JoinedRow;
import io.strom.data.Row;
import io.strom.data.TimestampData;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;

/**
 * The windowing table functions TUMBLE, HOP and CUMULATE: each input row comes out once per window
 * that holds its time, with {@code window_start}, {@code window_end} and {@code window_time}
 * ({@code window_end} - 1 ms) appended. On event time the output's timestamp is {@code
 * window_time}. SESSION appends each row's own session, {@code [time, time + gap)}, which only the
 * session window aggregation after it turns into real sessions (the planner allows nothing else).
 *
 * <p>Slicing HOP and CUMULATE for a {@link SlicingWindowAggOperator}, each row comes out once,
 * with its slice's bounds (see {@link WindowSlices}) as {@code window_start} and {@code
 * window_end}.
 */
public final class WindowTableFunctionOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final SqlWindow window;
  private final int timeIndex;
  private final int timePrecision;
  private final boolean eventTime;
  private final WindowSlices slices;

  /**
   * The window columns last emitted, shared by the rows of the same window that follow: nothing
   * writes to an operator's output rows, and rows of one window or slice mostly come together.
   */
  private transient GenericRow bounds;
  private transient long boundsStart;
  private transient long boundsEnd;

  /**
   * @param timeIndex the input field holding the row's time (ignored on processing time)
   * @param timePrecision its TIMESTAMP precision
   * @param eventTime whether windows follow the row's time or the machine's clock
   */
  public WindowTableFunctionOperator(
      SqlWindow window, int timeIndex, int timePrecision, boolean eventTime) {
    this(window, timeIndex, timePrecision, eventTime, false);
  }

  /**
   * @param sliced whether each row comes out once, with its slice, for a slicing window
   *     aggregation (HOP and CUMULATE only)
   */
  public WindowTableFunctionOperator(
      SqlWindow window, int timeIndex, int timePrecision, boolean eventTime, boolean sliced) {
    this.window = requireNonNull(window, "window");
    this.timeIndex = timeIndex;
    this.timePrecision = timePrecision;
    this.eventTime = eventTime;
    this.slices = sliced ? new WindowSlices(window) : null;
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    long time;
    if (eventTime) {
      if (input.isNullAt(timeIndex)) {
        // Flink drops rows without event time: they belong to no window.
        return;
      }
      time = input.getTimestamp(timeIndex, timePrecision).millisecond();
    } else {
      time = context.processingTimeService().currentProcessingTime();
    }
    if (slices != null) {
      long start = slices.sliceStart(time);
      emit(input, start, start + slices.step());
    } else {
      window.forEachWindow(time, (start, end) -> emit(input, start, end));
    }
  }

  private void emit(Row input, long start, long end) {
    if (bounds == null || start != boundsStart || end != boundsEnd) {
      bounds = new GenericRow(3);
      bounds.setTimestamp(0, TimestampData.fromEpochMillis(start));
      bounds.setTimestamp(1, TimestampData.fromEpochMillis(end));
      bounds.setTimestamp(2, TimestampData.fromEpochMillis(end - 1));
      boundsStart = start;
      boundsEnd = end;
    }
    JoinedRow row = new JoinedRow(input, bounds);
    row.setKind(input.kind());
    output.collect(row, eventTime ? end - 1 : io.strom.runtime.operators.Output.NO_TIMESTAMP);
  }
}
