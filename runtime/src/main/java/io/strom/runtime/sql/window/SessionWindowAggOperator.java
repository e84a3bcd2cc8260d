package io.strom.runtime.sql.window;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.MapState;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.runtime.sql.agg.AggsHandlers;
import io.strom.runtime.state.InternalListState;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.Triggerable;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Operator that aggregates rows per session window, on event time or on processing time. Keyed by
 * the grouping columns other than the window's, it gives each row the session {@code [time, time +
 * gap)} and merges it with the key's open sessions it overlaps or touches, as Flink does, so rows
 * out of order within the watermark extend or join sessions. A session fires when time reaches its
 * last millisecond ({@code end - 1}): one insert-only row with the key, the aggregates and the
 * session's bounds; then its state goes. On event time "time" is the row's time column and the
 * watermark; a row whose session would already have fired, and that joins no open session, is
 * late: dropped and counted in {@value #LATE_RECORDS_DROPPED}. On processing time a row's time is
 * the clock when it reaches this operator and sessions fire on processing-time timers, so a
 * session closes once no row of its key arrived for the gap; nothing is late.
 *
 * <p>State per key: the open sessions (start → end) and, per session, its rows, namespaced by the
 * session's start. Rows are kept rather than accumulators because the generated aggregate
 * functions cannot merge accumulators; a session's rows are aggregated when it fires. Rows move
 * only when a session's start moves earlier (a row older than the session's first row).
 *
 * <p>Called only on the task's mailbox thread.
 */
public final class SessionWindowAggOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row>, Triggerable<BinaryRow, Long> {
  private static final long serialVersionUID = 1L;

  public static final String LATE_RECORDS_DROPPED = WindowAggOperator.LATE_RECORDS_DROPPED;

  private final GeneratedClass<AggsHandler> handlerCode;
  private final RowType inputType;
  private final int timeIndex;
  private final int timePrecision;
  private final long gap;
  private final int[] keyLayout;
  private final boolean eventTime;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient MapState<Long, Long> sessions;
  private transient InternalListState<BinaryRow, Long, Row> sessionRows;
  private transient RowSerializer rows;
  private transient AggsHandler handler;
  private transient InternalTimerService<BinaryRow, Long> timers;
  private transient Counter lateRecordsDropped;

  /**
   * @param handlerCode the aggregate functions, generated with the full grouping (window columns
   *     included) so their result rows have the aggregation's layout
   * @param inputType the type of the input rows, which are kept until their session fires
   * @param timeIndex the input field holding a row's event time (ignored on processing time)
   * @param timePrecision that field's TIMESTAMP precision
   * @param gap the session gap in milliseconds
   * @param keyLayout per grouping column: the operator key's field it is, or one of {@link
   *     SessionKeyRow}'s window constants
   * @param eventTime whether sessions follow the rows' time and the watermark, or the clock
   */
  public SessionWindowAggOperator(
      GeneratedClass<AggsHandler> handlerCode,
      RowType inputType,
      int timeIndex,
      int timePrecision,
      long gap,
      int[] keyLayout,
      boolean eventTime) {
    this.handlerCode = requireNonNull(handlerCode, "handlerCode");
    this.inputType = requireNonNull(inputType, "inputType");
    if (gap <= 0) {
      throw new IllegalArgumentException("A session gap must be positive, got " + gap + " ms");
    }
    this.timeIndex = timeIndex;
    this.timePrecision = timePrecision;
    this.gap = gap;
    this.keyLayout = keyLayout.clone();
    this.eventTime = eventTime;
  }

  /** Layout constant: the grouping column is {@code window_start}. */
  public static int windowStart() {
    return SessionKeyRow.WINDOW_START;
  }

  /** Layout constant: the grouping column is {@code window_end}. */
  public static int windowEnd() {
    return SessionKeyRow.WINDOW_END;
  }

  /** Layout constant: the grouping column is {@code window_time}. */
  public static int windowTime() {
    return SessionKeyRow.WINDOW_TIME;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    sessions = keys.getMapState(
        new MapStateDescriptor<>("session-windows", Types.LONG, Types.LONG));
    sessionRows = context.<BinaryRow>keyedStateBackend().listState(
        new ListStateDescriptor<>("session-rows", Types.row(inputType)));
    rows = new RowSerializer(inputType);
    handler = AggsHandlers.open(
        handlerCode, io.strom.runtime.sql.SqlFunctions.functionContext(context), keys, 0);
    timers = context.timerService("session-timers", this);
    lateRecordsDropped = context.metrics().counter(LATE_RECORDS_DROPPED);
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    long time;
    if (!eventTime) {
      time = timers.currentProcessingTime();
    } else if (input.isNullAt(timeIndex)) {
      // As in the window table functions: a row without event time belongs to no window.
      return;
    } else {
      time = input.getTimestamp(timeIndex, timePrecision).millisecond();
    }
    BinaryRow key = keySelector.getKey(input);
    keys.setCurrentKey(key);
    long start = time;
    long end = time + gap;
    List<long[]> overlapping = new ArrayList<>();
    for (Map.Entry<Long, Long> session : sessions.entries()) {
      // Flink's sessions merge when they overlap or touch: [0, 10) and [10, 20) become one.
      if (session.getKey() <= end && session.getValue() >= start) {
        overlapping.add(new long[] {session.getKey(), session.getValue()});
      }
    }
    if (eventTime && overlapping.isEmpty() && end - 1 <= timers.currentWatermark()) {
      lateRecordsDropped.inc();
      return;
    }
    for (long[] session : overlapping) {
      start = Math.min(start, session[0]);
      end = Math.max(end, session[1]);
    }
    boolean unchanged = overlapping.size() == 1
        && overlapping.get(0)[0] == start && overlapping.get(0)[1] == end;
    if (!unchanged) {
      for (long[] session : overlapping) {
        absorb(key, session[0], session[1], start);
      }
      sessions.put(start, end);
      if (eventTime) {
        timers.registerEventTimeTimer(key, start, end - 1);
      } else {
        timers.registerProcessingTimeTimer(key, start, end - 1);
      }
    }
    sessionRows.add(key, start, rows.copy(input));
  }

  /** Ends the open session {@code [from, to)}, its rows moving to the session starting at {@code into}. */
  private void absorb(BinaryRow key, long from, long to, long into) {
    if (eventTime) {
      timers.deleteEventTimeTimer(key, from, to - 1);
    } else {
      timers.deleteProcessingTimeTimer(key, from, to - 1);
    }
    sessions.remove(from);
    if (from != into) {
      List<Row> moved = sessionRows.get(key, from);
      if (moved != null) {
        sessionRows.addAll(key, into, new ArrayList<>(moved));
      }
      sessionRows.clear(key, from);
    }
  }

  @Override
  public void onEventTime(BinaryRow key, Long start, long time) throws Exception {
    fire(key, start, time, end -> end - 1);
  }

  @Override
  public void onProcessingTime(BinaryRow key, Long start, long time) throws Exception {
    fire(key, start, time, end -> Output.NO_TIMESTAMP);
  }

  /**
   * Emits the session of {@code key} starting at {@code start}, whose timer at {@code time}
   * fired, and drops its state; {@code timestamp} gives the output's timestamp from its end.
   */
  private void fire(BinaryRow key, long start, long time, LongUnaryOperator timestamp)
      throws Exception {
    keys.setCurrentKey(key);
    Long end = sessions.get(start);
    if (end == null || end - 1 != time) {
      throw new IllegalStateException("Bug in the session window operator: a timer at " + time
          + " for session start " + start + ", whose end is " + end);
    }
    handler.setAccumulators(handler.createAccumulators());
    List<Row> members = sessionRows.get(key, start);
    if (members != null) {
      for (Row row : members) {
        if (row.kind() == RowKind.INSERT || row.kind() == RowKind.UPDATE_AFTER) {
          handler.accumulate(row);
        } else {
          handler.retract(row);
        }
      }
    }
    output.collect(handler.getValue(new SessionKeyRow(keyLayout, key, start, end)),
        timestamp.applyAsLong(end));
    handler.cleanup();
    sessionRows.clear(key, start);
    sessions.remove(start);
  }

  @Override
  public void close() throws Exception {
    if (handler != null) {
      handler.close();
    }
  }
}
