package io.strom.runtime.sql.over;

import io.strom.api.state.MapState;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.runtime.state.InternalListState;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.serde.RowSerializer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A {@code RANGE BETWEEN INTERVAL ... PRECEDING AND CURRENT ROW} frame (or UNBOUNDED PRECEDING):
 * the result of the rows of one time covers every row of that time and of the interval before it,
 * so rows of the same time share one result. A bounded frame keeps its rows per time, with an
 * index of the times it holds, and takes back the rows that fall out of the interval.
 */
final class RangeOverFrame implements OverFrame {
  private static final Row NO_KEY = new GenericRow(0);

  private final AggsHandler handler;
  private final long preceding;
  private final KeyedStateAccess<BinaryRow> keys;
  private final InternalListState<BinaryRow, Long, Row> rowsByTime;
  private final MapState<Long, Boolean> times;
  private final RowSerializer rows;

  /**
   * @param rowsByTime the frame's rows, namespaced by their time; null when unbounded
   * @param times the times {@code rowsByTime} holds rows of; null when unbounded
   */
  RangeOverFrame(AggsHandler handler, long preceding, KeyedStateAccess<BinaryRow> keys,
      InternalListState<BinaryRow, Long, Row> rowsByTime, MapState<Long, Boolean> times,
      RowSerializer rows) {
    this.handler = handler;
    this.preceding = preceding;
    this.keys = keys;
    this.rowsByTime = rowsByTime;
    this.times = times;
    this.rows = rows;
  }

  @Override
  public void process(List<Row> input, long time, Emitter out) throws Exception {
    if (preceding >= 0) {
      retractOlderThan(time - preceding);
      BinaryRow key = keys.currentKey();
      for (Row row : input) {
        rowsByTime.add(key, time, rows.copy(row));
      }
      times.put(time, Boolean.TRUE);
    }
    for (Row row : input) {
      handler.accumulate(row);
    }
    Row values = handler.getValue(NO_KEY);
    for (Row row : input) {
      out.emit(row, values, time);
    }
  }

  /** Takes back the rows of times before {@code limit}; the frame holds few distinct times. */
  private void retractOlderThan(long limit) throws Exception {
    BinaryRow key = keys.currentKey();
    List<Long> expired = new ArrayList<>();
    for (Iterator<Map.Entry<Long, Boolean>> it = times.entries().iterator(); it.hasNext(); ) {
      long t = it.next().getKey();
      if (t < limit) {
        expired.add(t);
      }
    }
    for (long t : expired) {
      List<Row> old = rowsByTime.get(key, t);
      if (old != null) {
        for (Row row : old) {
          handler.retract(row);
        }
      }
      rowsByTime.clear(key, t);
      times.remove(t);
    }
  }
}
