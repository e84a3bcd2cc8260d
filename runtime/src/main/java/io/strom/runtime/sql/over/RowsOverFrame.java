package io.strom.runtime.sql.over;

import io.strom.api.state.MapState;
import io.strom.api.state.ValueState;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.serde.RowSerializer;
import java.util.List;

/**
 * A {@code ROWS BETWEEN n PRECEDING AND CURRENT ROW} frame (or UNBOUNDED PRECEDING): each row's
 * result covers itself and the n rows before it. A bounded frame keeps its last n + 1 rows under
 * consecutive sequence numbers, so the oldest is found without a scan and taken back.
 */
final class RowsOverFrame implements OverFrame {
  private static final Row NO_KEY = new GenericRow(0);

  private final AggsHandler handler;
  private final long preceding;
  private final MapState<Long, Row> window;
  private final ValueState<Long> nextSequence;
  private final RowSerializer rows;

  /**
   * @param window the frame's rows by sequence number; null when unbounded
   * @param nextSequence the sequence number of the next row; null when unbounded
   */
  RowsOverFrame(AggsHandler handler, long preceding, MapState<Long, Row> window,
      ValueState<Long> nextSequence, RowSerializer rows) {
    this.handler = handler;
    this.preceding = preceding;
    this.window = window;
    this.nextSequence = nextSequence;
    this.rows = rows;
  }

  @Override
  public void process(List<Row> input, long time, Emitter out) throws Exception {
    if (preceding < 0) {
      for (Row row : input) {
        handler.accumulate(row);
        out.emit(row, handler.getValue(NO_KEY), time);
      }
      return;
    }
    Long stored = nextSequence.value();
    long next = stored == null ? 0 : stored;
    for (Row row : input) {
      handler.accumulate(row);
      window.put(next, rows.copy(row));
      long oldest = next - preceding - 1;
      Row leaving = oldest >= 0 ? window.get(oldest) : null;
      if (leaving != null) {
        // Missing only when the state's time-to-live expired it: then it is no longer counted.
        handler.retract(leaving);
        window.remove(oldest);
      }
      next++;
      out.emit(row, handler.getValue(NO_KEY), time);
    }
    nextSequence.update(next);
  }
}
