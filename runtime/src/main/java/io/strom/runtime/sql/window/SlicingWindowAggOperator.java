package io.strom.runtime.sql.window;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.sql.SqlFunctions;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.runtime.sql.agg.AggsHandlers;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.Triggerable;
import io.strom.types.RowType;

/**
 * Operator that aggregates HOP and CUMULATE windows, and TUMBLE windows on processing time, by
 * slices, as Flink does (a TUMBLE window is one slice): keyed by the
 * grouping columns other than the window's, it accumulates each row once, into the accumulators of
 * its slice (see {@link WindowSlices}), and when time passes a window's end merges the window's
 * slices into its one insert-only result row. A slice goes once the last window holding it has
 * fired. The input rows carry their slice's bounds as {@code window_start} and {@code
 * window_end} (the window table function in slicing mode puts them there).
 *
 * <p>Each key has at most one timer per window end: a new slice asks for its first window that
 * has not fired yet, and a firing window asks for the next one while slices of the key remain.
 * On event time a row is late when every window holding its slice has fired; it is dropped and
 * counted in {@value WindowAggOperator#LATE_RECORDS_DROPPED}. A row that misses only some of its
 * windows still counts in the others, as in Flink.
 *
 * <p>The aggregate functions must merge ({@link AggsHandler#merge}); the planner keeps the
 * per-window {@link WindowAggOperator} for those that do not. Called only on the task's mailbox
 * thread.
 */
public final class SlicingWindowAggOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row>, Triggerable<BinaryRow, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<AggsHandler> handlerCode;
  private final RowType accumulatorType;
  private final WindowSlices slices;
  private final int sliceEndIndex;
  private final int[] keyLayout;
  private final boolean eventTime;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient InternalValueState<BinaryRow, Long, Row> sliceAccumulators;
  private transient AggsHandler handler;
  /** Accumulators of no rows, created once: the handler only reads the rows it is given. */
  private transient Row emptyAccumulators;
  private transient InternalTimerService<BinaryRow, VoidNamespace> timers;
  private transient Counter lateRecordsDropped;

  /**
   * @param handlerCode the aggregate functions, generated with the full grouping (window columns
   *     included) so their result rows have the aggregation's layout; they must merge
   * @param accumulatorType the type of its accumulator rows, one per key and slice in state
   * @param sliceEndIndex the input field holding the row's slice end, a TIMESTAMP(3)
   * @param keyLayout per grouping column: the operator key's field it is, or one of {@link
   *     SessionKeyRow}'s window constants
   * @param eventTime whether windows fire on the watermark or on the clock
   */
  public SlicingWindowAggOperator(
      GeneratedClass<AggsHandler> handlerCode,
      RowType accumulatorType,
      WindowSlices slices,
      int sliceEndIndex,
      int[] keyLayout,
      boolean eventTime) {
    this.handlerCode = requireNonNull(handlerCode, "handlerCode");
    this.accumulatorType = requireNonNull(accumulatorType, "accumulatorType");
    this.slices = requireNonNull(slices, "slices");
    this.sliceEndIndex = sliceEndIndex;
    this.keyLayout = keyLayout.clone();
    this.eventTime = eventTime;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    sliceAccumulators = context.<BinaryRow>keyedStateBackend().valueState(
        new ValueStateDescriptor<>("window-slice-accumulators", Types.row(accumulatorType)));
    handler = AggsHandlers.open(handlerCode, SqlFunctions.functionContext(context), keys, 0);
    emptyAccumulators = handler.createAccumulators();
    timers = context.timerService("window-slice-timers", this);
    lateRecordsDropped = context.metrics().counter(WindowAggOperator.LATE_RECORDS_DROPPED);
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    long sliceEnd = sliceEndOf(input);
    long watermark = timers.currentWatermark();
    if (eventTime && slices.lastWindowEnd(sliceEnd) - 1 <= watermark) {
      lateRecordsDropped.inc();
      return;
    }
    BinaryRow key = keySelector.getKey(input);
    keys.setCurrentKey(key);
    Row stored = sliceAccumulators.get(key, sliceEnd);
    if (stored == null) {
      stored = emptyAccumulators;
      long windowEnd = eventTime ? slices.firstWindowEndAfter(sliceEnd, watermark) : sliceEnd;
      registerTimer(key, windowEnd);
    }
    handler.setAccumulators(stored);
    // The input is insert-only: the planner plans window aggregations only over such inputs.
    handler.accumulate(input);
    sliceAccumulators.update(key, sliceEnd, handler.getAccumulators());
  }

  /**
   * The end of the slice {@code input} goes to. On event time it is the one computed from the
   * row's time upstream. On processing time it is the slice of this operator's clock, as in
   * Flink: a row may wait in an exchange past the end of the slice given it upstream, after that
   * slice's windows fired, and would make them fire a second time. A window fires once the clock
   * reaches its last millisecond, so a row that comes in that millisecond goes to the next slice:
   * it may come after the window fired.
   */
  private long sliceEndOf(Row input) {
    if (eventTime) {
      // Slice bounds are TIMESTAMP(3): millisecond precision.
      return input.getTimestamp(sliceEndIndex, 3).millisecond();
    }
    return slices.sliceStart(timers.currentProcessingTime() + 1) + slices.step();
  }

  @Override
  public void onEventTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    fire(key, time + 1, time);
  }

  @Override
  public void onProcessingTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    fire(key, time + 1, Output.NO_TIMESTAMP);
  }

  /**
   * Emits the window ending at {@code windowEnd} when any of its slices holds rows, frees the
   * slices no later window holds, and asks for the next window while some slice remains.
   */
  private void fire(BinaryRow key, long windowEnd, long timestamp) throws Exception {
    keys.setCurrentKey(key);
    boolean empty = true;
    boolean remaining = false;
    for (long sliceEnd = slices.firstSliceEnd(windowEnd); sliceEnd <= windowEnd;
        sliceEnd += slices.step()) {
      Row slice = sliceAccumulators.get(key, sliceEnd);
      if (slice == null) {
        continue;
      }
      if (empty) {
        handler.setAccumulators(emptyAccumulators);
        empty = false;
      }
      handler.merge(slice, 0);
      if (slices.lastWindowEnd(sliceEnd) <= windowEnd) {
        sliceAccumulators.clear(key, sliceEnd);
      } else {
        remaining = true;
      }
    }
    if (empty) {
      return;
    }
    long windowStart = slices.windowStart(windowEnd);
    output.collect(handler.getValue(new SessionKeyRow(keyLayout, key, windowStart, windowEnd)),
        timestamp);
    if (remaining) {
      // Every remaining slice lies in the next window: HOP's window moves on by one slice,
      // CUMULATE's grows by one until its period's last window, which frees them all.
      registerTimer(key, windowEnd + slices.step());
    }
  }

  private void registerTimer(BinaryRow key, long windowEnd) {
    if (eventTime) {
      timers.registerEventTimeTimer(key, VoidNamespace.INSTANCE, windowEnd - 1);
    } else {
      timers.registerProcessingTimeTimer(key, VoidNamespace.INSTANCE, windowEnd - 1);
    }
  }

  @Override
  public void close() throws Exception {
    if (handler != null) {
      handler.close();
    }
  }
}
