package io.strom.runtime.sql.window;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.runtime.generated.GeneratedClass;
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
 * Operator that aggregates processing-time TUMBLE, HOP and CUMULATE windows whose aggregate
 * functions do not merge (DISTINCT, COLLECT, a user-defined function without {@code merge}), so
 * cannot go by slices. As in Flink, each row's windows come from this operator's clock, not from
 * the window table function before the exchange: a row held up in the exchange past the end of
 * the window given it there would make that window fire a second time. Keyed by the grouping
 * columns other than the window's, it keeps accumulators, and the functions' views, per key and
 * window (named by its end), and emits a window's one insert-only row when the clock reaches the
 * window's last millisecond; then the window's state goes.
 *
 * <p>A row that comes in a window's last millisecond goes to the windows after it, since the
 * window may have fired in that millisecond already. The input rows come once each (the window
 * table function in slicing mode for HOP and CUMULATE); their window columns are not read.
 * Called only on the task's mailbox thread.
 */
public final class ProcessingTimeWindowAggOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row>, Triggerable<BinaryRow, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<AggsHandler> handlerCode;
  private final RowType accumulatorType;
  private final SqlWindow window;
  private final int[] keyLayout;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient InternalValueState<BinaryRow, Long, Row> windowAccumulators;
  private transient AggsHandler handler;
  private transient InternalTimerService<BinaryRow, VoidNamespace> timers;
  private transient WindowSlices bounds;
  /** The end of the window whose state the handler's views read and write. */
  private transient long currentWindowEnd;
  /** The row being accumulated into each of its windows, and its key; set per row. */
  private transient BinaryRow currentKey;
  private transient Row currentInput;
  /** Accumulates the current row into one window; made once, not per row. */
  private transient SqlWindow.WindowConsumer accumulateCurrent;

  /**
   * @param handlerCode the aggregate functions, generated with the full grouping (window columns
   *     included) so their result rows have the aggregation's layout
   * @param accumulatorType the type of its accumulator rows, one per key and window in state
   * @param window the windows, which must not be sessions
   * @param keyLayout per grouping column: the operator key's field it is, or one of {@link
   *     SessionKeyRow}'s window constants
   */
  public ProcessingTimeWindowAggOperator(
      GeneratedClass<AggsHandler> handlerCode,
      RowType accumulatorType,
      SqlWindow window,
      int[] keyLayout) {
    this.handlerCode = requireNonNull(handlerCode, "handlerCode");
    this.accumulatorType = requireNonNull(accumulatorType, "accumulatorType");
    this.window = requireNonNull(window, "window");
    if (window.kind() == SqlWindow.Kind.SESSION) {
      throw new IllegalArgumentException("Sessions merge: use SessionWindowAggOperator");
    }
    this.keyLayout = keyLayout.clone();
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    windowAccumulators = context.<BinaryRow>keyedStateBackend().valueState(
        new ValueStateDescriptor<>("window-accumulators", Types.row(accumulatorType)));
    handler = AggsHandlers.openPerWindow(handlerCode, SqlFunctions.functionContext(context),
        context.keyedStateBackend(), keys, () -> currentWindowEnd);
    timers = context.timerService("window-timers", this);
    // Window starts from window ends: a TUMBLE, HOP or CUMULATE window is a run of whole slices.
    bounds = new WindowSlices(window);
    accumulateCurrent = (start, end) -> accumulate(currentKey, currentInput, end);
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    currentKey = keySelector.getKey(input);
    currentInput = input;
    keys.setCurrentKey(currentKey);
    window.forEachWindow(timers.currentProcessingTime() + 1, accumulateCurrent);
  }

  private void accumulate(BinaryRow key, Row input, long windowEnd) throws Exception {
    currentWindowEnd = windowEnd;
    Row stored = windowAccumulators.get(key, windowEnd);
    if (stored == null) {
      stored = handler.createAccumulators();
      timers.registerProcessingTimeTimer(key, VoidNamespace.INSTANCE, windowEnd - 1);
    }
    handler.setAccumulators(stored);
    // The input is insert-only: the planner plans window aggregations only over such inputs.
    handler.accumulate(input);
    windowAccumulators.update(key, windowEnd, handler.getAccumulators());
  }

  @Override
  public void onEventTime(BinaryRow key, VoidNamespace namespace, long time) {
    throw new IllegalStateException(
        "Bug: a processing-time window aggregation got an event-time timer at " + time);
  }

  /** Emits the window of {@code key} whose last millisecond is {@code time}, and drops it. */
  @Override
  public void onProcessingTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    long windowEnd = time + 1;
    keys.setCurrentKey(key);
    Row stored = windowAccumulators.get(key, windowEnd);
    if (stored == null) {
      return;
    }
    currentWindowEnd = windowEnd;
    handler.setAccumulators(stored);
    output.collect(handler.getValue(
        new SessionKeyRow(keyLayout, key, bounds.windowStart(windowEnd), windowEnd)),
        Output.NO_TIMESTAMP);
    windowAccumulators.clear(key, windowEnd);
    handler.cleanup();
  }

  @Override
  public void close() throws Exception {
    if (handler != null) {
      handler.close();
    }
  }
}
