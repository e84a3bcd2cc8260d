package io.strom.runtime.sql.over;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.JoinedRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.sql.StateTimeToLive;
import io.strom.runtime.sql.agg.AggsHandler;
import io.strom.runtime.state.InternalListState;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.Triggerable;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An OVER aggregation over an insert-only stream, keyed by the partition columns: each input row
 * comes out once, with the aggregate values of its frame appended, so the output is insert-only.
 *
 * <p>On event time rows wait in state until the watermark passes their time, then the rows of
 * each time are processed in time order; rows at or behind the watermark are late: dropped and
 * counted in {@value #LATE_RECORDS_DROPPED}. On processing time rows are processed as they come
 * (bounded RANGE frames gather the rows of one millisecond first, as they share a result).
 */
public final class OverAggOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row>, Triggerable<BinaryRow, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  public static final String LATE_RECORDS_DROPPED = "numLateRecordsDropped";

  private final GeneratedClass<AggsHandler> handlerCode;
  private final RowType accumulatorType;
  private final RowType inputType;
  private final OverWindowSpec spec;
  private final long stateTtlMillis;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient ValueState<Row> accumulators;
  private transient InternalListState<BinaryRow, Long, Row> pending;
  private transient AggsHandler handler;
  private transient OverFrame frame;
  private transient RowSerializer rows;
  private transient InternalTimerService<BinaryRow, VoidNamespace> timers;
  private transient Counter lateRecordsDropped;
  private transient OverFrame.Emitter emitter;

  /**
   * @param handlerCode the aggregate functions; able to retract when the frame is bounded
   * @param stateTtlMillis how long an idle key's state lives; 0 keeps it forever
   */
  public OverAggOperator(
      GeneratedClass<AggsHandler> handlerCode,
      RowType accumulatorType,
      RowType inputType,
      OverWindowSpec spec,
      long stateTtlMillis) {
    this.handlerCode = requireNonNull(handlerCode, "handlerCode");
    this.accumulatorType = requireNonNull(accumulatorType, "accumulatorType");
    this.inputType = requireNonNull(inputType, "inputType");
    this.spec = requireNonNull(spec, "spec");
    this.stateTtlMillis = stateTtlMillis;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    rows = new RowSerializer(inputType);
    accumulators = keys.getState(ttl(
        new ValueStateDescriptor<>("over-accumulators", Types.row(accumulatorType))));
    handler = io.strom.runtime.sql.agg.AggsHandlers.open(
        handlerCode, io.strom.runtime.sql.SqlFunctions.functionContext(context), keys, stateTtlMillis);
    frame = spec.rows() ? rowsFrame() : rangeFrame();
    if (spec.buffered()) {
      pending = context.<BinaryRow>keyedStateBackend().listState(
          ttl(new ListStateDescriptor<>("over-pending-rows", Types.row(inputType))));
      timers = context.timerService("over-timers", this);
    }
    lateRecordsDropped = context.metrics().counter(LATE_RECORDS_DROPPED);
    emitter = (input, values, time) -> output.collect(
        new JoinedRow(input, values), spec.eventTime() ? time : Output.NO_TIMESTAMP);
  }

  private OverFrame rowsFrame() {
    if (spec.unbounded()) {
      return new RowsOverFrame(handler, -1, null, null, rows);
    }
    return new RowsOverFrame(handler, spec.preceding(),
        keys.getMapState(ttl(new MapStateDescriptor<>("over-rows", Types.LONG, Types.row(inputType)))),
        keys.getState(ttl(new ValueStateDescriptor<>("over-next-sequence", Types.LONG))),
        rows);
  }

  private OverFrame rangeFrame() {
    if (spec.unbounded()) {
      return new RangeOverFrame(handler, -1, keys, null, null, rows);
    }
    return new RangeOverFrame(handler, spec.preceding(), keys,
        context.<BinaryRow>keyedStateBackend().listState(
            ttl(new ListStateDescriptor<>("over-rows-by-time", Types.row(inputType)))),
        keys.getMapState(ttl(new MapStateDescriptor<>("over-times", Types.LONG, Types.BOOLEAN))),
        rows);
  }

  private <D extends io.strom.api.state.StateDescriptor<?>> D ttl(D descriptor) {
    return StateTimeToLive.apply(descriptor, stateTtlMillis);
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    if (input.kind() != RowKind.INSERT) {
      throw new IllegalStateException("Bug: an OVER aggregation received " + input.kind());
    }
    BinaryRow key = keySelector.getKey(input);
    keys.setCurrentKey(key);
    if (!spec.buffered()) {
      // Arrival order is the order: neither ROWS nor unbounded RANGE frames need the time.
      processRows(Collections.singletonList(input), Output.NO_TIMESTAMP);
      return;
    }
    long time;
    if (spec.eventTime()) {
      if (input.isNullAt(spec.timeIndex())) {
        return;
      }
      time = input.getTimestamp(spec.timeIndex(), spec.timePrecision()).millisecond();
      if (time <= timers.currentWatermark()) {
        lateRecordsDropped.inc();
        return;
      }
      timers.registerEventTimeTimer(key, VoidNamespace.INSTANCE, time);
    } else {
      time = timers.currentProcessingTime();
      // Fires once the millisecond is over, with every row that came in it.
      timers.registerProcessingTimeTimer(key, VoidNamespace.INSTANCE, time + 1);
    }
    pending.add(key, time, rows.copy(input));
  }

  @Override
  public void onEventTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    processPending(key, time);
  }

  @Override
  public void onProcessingTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    processPending(key, time - 1);
  }

  private void processPending(BinaryRow key, long time) throws Exception {
    keys.setCurrentKey(key);
    List<Row> due = pending.get(key, time);
    if (due == null) {
      return;
    }
    // The state's list must not change while it is read; it is cleared right after.
    List<Row> batch = new ArrayList<>(due);
    pending.clear(key, time);
    processRows(batch, time);
  }

  private void processRows(List<Row> batch, long time) throws Exception {
    Row stored = accumulators.value();
    handler.setAccumulators(stored == null ? handler.createAccumulators() : stored);
    frame.process(batch, time, emitter);
    accumulators.update(handler.getAccumulators());
  }

  @Override
  public void close() throws Exception {
    if (handler != null) {
      handler.close();
    }
  }
}
