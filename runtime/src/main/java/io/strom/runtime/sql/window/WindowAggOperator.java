package io.strom.runtime.sql.window;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.runtime.sql.agg.AggsHandlers;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.Triggerable;
import io.strom.types.RowType;

/**
 * Aggregates rows per window: keyed by the grouping columns, which include {@code window_end}, it
 * accumulates each key's rows and emits the key's one final row when time passes the window's end
 * (the watermark on event time, the clock on processing time); then the key's state goes. Rows of
 * a window that has already fired are late: dropped and counted in {@value #LATE_RECORDS_DROPPED}.
 */
public final class WindowAggOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row>, Triggerable<BinaryRow, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  public static final String LATE_RECORDS_DROPPED = "numLateRecordsDropped";

  private final GeneratedClass<AggsHandler> handlerCode;
  private final RowType accumulatorType;
  private final int windowEndKeyIndex;
  private final boolean eventTime;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient ValueState<Row> accumulators;
  private transient AggsHandler handler;
  private transient InternalTimerService<BinaryRow, VoidNamespace> timers;
  private transient Counter lateRecordsDropped;

  /**
   * @param windowEndKeyIndex where {@code window_end} sits in the key
   * @param eventTime whether windows fire on the watermark or on the clock
   */
  public WindowAggOperator(
      GeneratedClass<AggsHandler> handlerCode,
      RowType accumulatorType,
      int windowEndKeyIndex,
      boolean eventTime) {
    this.handlerCode = requireNonNull(handlerCode, "handlerCode");
    this.accumulatorType = requireNonNull(accumulatorType, "accumulatorType");
    this.windowEndKeyIndex = windowEndKeyIndex;
    this.eventTime = eventTime;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    accumulators =
        keys.getState(new ValueStateDescriptor<>("window-accumulators", Types.row(accumulatorType)));
    handler = AggsHandlers.open(
        handlerCode, io.strom.runtime.sql.SqlFunctions.functionContext(context), keys, 0);
    timers = context.timerService("window-timers", this);
    lateRecordsDropped = context.metrics().counter(LATE_RECORDS_DROPPED);
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    BinaryRow key = keySelector.getKey(input);
    // Window bounds are TIMESTAMP(3): millisecond precision.
    long windowEnd = key.getTimestamp(windowEndKeyIndex, 3).millisecond();
    long fireAt = windowEnd - 1;
    if (eventTime && fireAt <= timers.currentWatermark()) {
      lateRecordsDropped.inc();
      return;
    }
    keys.setCurrentKey(key);
    Row stored = accumulators.value();
    if (stored == null) {
      stored = handler.createAccumulators();
      if (eventTime) {
        timers.registerEventTimeTimer(key, VoidNamespace.INSTANCE, fireAt);
      } else {
        timers.registerProcessingTimeTimer(key, VoidNamespace.INSTANCE, fireAt);
      }
    }
    handler.setAccumulators(stored);
    if (input.kind() == RowKind.INSERT || input.kind() == RowKind.UPDATE_AFTER) {
      handler.accumulate(input);
    } else {
      handler.retract(input);
    }
    accumulators.update(handler.getAccumulators());
  }

  @Override
  public void onEventTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    fire(key, time);
  }

  @Override
  public void onProcessingTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    fire(key, Output.NO_TIMESTAMP);
  }

  private void fire(BinaryRow key, long timestamp) throws Exception {
    keys.setCurrentKey(key);
    Row stored = accumulators.value();
    if (stored == null) {
      return;
    }
    handler.setAccumulators(stored);
    output.collect(handler.getValue(key), timestamp);
    accumulators.clear();
    handler.cleanup();
  }

  @Override
  public void close() throws Exception {
    if (handler != null) {
      handler.close();
    }
  }
}
