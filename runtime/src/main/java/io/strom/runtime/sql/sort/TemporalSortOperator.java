package io.strom.runtime.sql.sort;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.RecordComparator;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.state.InternalListState;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.Triggerable;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;

/**
 * Operator that sorts an insert-only stream by a time attribute, ascending, then by further keys:
 * {@code ORDER BY rowtime [, k ...]} without LIMIT. Rows wait in state, by time, until time passes
 * theirs: on event time the watermark, on processing time the end of the millisecond they came in.
 * The rows of one time are then emitted sorted by the further keys (rows that tie keep their order
 * of arrival). Rows at or behind the watermark when they arrive are late: dropped and counted in
 * {@value #LATE_RECORDS_DROPPED}, so the output is ordered by time.
 *
 * <p>Keyed by nothing (every row has the empty key), so the whole stream is sorted on one subtask.
 */
public final class TemporalSortOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row>, Triggerable<BinaryRow, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  public static final String LATE_RECORDS_DROPPED = "numLateRecordsDropped";

  /** Orders rows of the same time; null when the time is the only sort key. */
  private final GeneratedClass<RecordComparator> comparatorCode;
  private final RowType inputType;
  private final int timeIndex;
  private final int timePrecision;
  private final boolean eventTime;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient InternalListState<BinaryRow, Long, Row> pending;
  private transient InternalTimerService<BinaryRow, VoidNamespace> timers;
  private transient RecordComparator comparator;
  private transient RowSerializer rows;
  private transient Counter lateRecordsDropped;
  /** On processing time: the earliest millisecond whose rows may not have been emitted yet. */
  private transient ValueState<Long> pendingFrom;

  /**
   * @param comparatorCode the order of rows of the same time, or null to keep their arrival order
   * @param timeIndex the field of the time attribute sorted by
   * @param eventTime whether the time attribute is a rowtime (else processing time)
   */
  public TemporalSortOperator(
      GeneratedClass<RecordComparator> comparatorCode,
      RowType inputType,
      int timeIndex,
      int timePrecision,
      boolean eventTime) {
    this.comparatorCode = comparatorCode;
    this.inputType = requireNonNull(inputType, "inputType");
    this.timeIndex = timeIndex;
    this.timePrecision = timePrecision;
    this.eventTime = eventTime;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    pending = context.<BinaryRow>keyedStateBackend().listState(
        new ListStateDescriptor<>("sort-pending-rows", Types.row(inputType)));
    timers = context.timerService("sort-timers", this);
    comparator = comparatorCode == null ? null : comparatorCode.newInstance(context.userCodeClassLoader());
    rows = new RowSerializer(inputType);
    lateRecordsDropped = context.metrics().counter(LATE_RECORDS_DROPPED);
    if (!eventTime) {
      keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
      pendingFrom = keys.getState(new ValueStateDescriptor<>("sort-pending-from", Types.LONG));
    }
  }

  /** Called only on the task's mailbox thread. */
  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    if (input.kind() != RowKind.INSERT) {
      throw new IllegalStateException("Bug: a temporal sort received " + input.kind());
    }
    BinaryRow key = keySelector.getKey(input);
    long time;
    if (eventTime) {
      if (input.isNullAt(timeIndex)) {
        lateRecordsDropped.inc();
        return;
      }
      time = input.getTimestamp(timeIndex, timePrecision).millisecond();
      if (time <= timers.currentWatermark()) {
        lateRecordsDropped.inc();
        return;
      }
      timers.registerEventTimeTimer(key, VoidNamespace.INSTANCE, time);
    } else {
      time = timers.currentProcessingTime();
      // Fires once the millisecond is over, with every row that came in it.
      timers.registerProcessingTimeTimer(key, VoidNamespace.INSTANCE, time + 1);
      keys.setCurrentKey(key);
      if (pendingFrom.value() == null) {
        pendingFrom.update(time);
      }
    }
    pending.add(key, time, rows.copy(input));
  }

  @Override
  public void onEventTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    emit(key, time, time);
  }

  @Override
  public void onProcessingTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    emit(key, time - 1, Output.NO_TIMESTAMP);
    keys.setCurrentKey(key);
    pendingFrom.update(time);
  }

  /**
   * At the end of the input, rows still waiting for their millisecond to end on processing time
   * are emitted rather than lost, in time order (event-time rows were emitted by the end-of-time
   * watermark).
   */
  @Override
  public void finish() throws Exception {
    if (eventTime) {
      return;
    }
    // Every row has the same (empty) key, whatever its fields.
    BinaryRow key = keySelector.getKey(new GenericRow(inputType.fieldCount()));
    keys.setCurrentKey(key);
    Long from = pendingFrom.value();
    if (from == null) {
      return;
    }
    for (long time = from; time <= timers.currentProcessingTime(); time++) {
      emit(key, time, Output.NO_TIMESTAMP);
    }
    pendingFrom.clear();
  }

  private void emit(BinaryRow key, long time, long timestamp) throws Exception {
    List<Row> due = pending.get(key, time);
    if (due == null) {
      return;
    }
    // The state's list must not change while it is read; it is cleared right after.
    List<Row> batch = new ArrayList<>(due);
    pending.clear(key, time);
    if (comparator != null) {
      // List.sort is stable: rows that tie keep their order of arrival.
      batch.sort(comparator::compare);
    }
    for (Row row : batch) {
      output.collect(row, timestamp);
    }
  }
}
