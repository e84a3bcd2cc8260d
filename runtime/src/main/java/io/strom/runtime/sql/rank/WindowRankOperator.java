package io.strom.runtime.sql.rank;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ListState;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.generated.RecordComparator;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.Triggerable;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.util.List;

/**
 * Top-N (and deduplication) per window, keyed by partition columns that include {@code
 * window_end}: it keeps the best rows of each key and emits them, once, as inserts when time passes
 * the window's end (the watermark on event time, the clock on processing time); then the key's
 * state goes. Rows of a window that has fired are late: dropped and counted in {@value
 * #LATE_RECORDS_DROPPED}.
 */
public final class WindowRankOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row>, Triggerable<BinaryRow, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  public static final String LATE_RECORDS_DROPPED = "numLateRecordsDropped";

  private final GeneratedClass<RecordComparator> comparatorCode;
  private final RowType inputType;
  private final RankRange range;
  private final int windowEndIndex;
  private final boolean eventTime;
  private final boolean laterWinsTies;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient ListState<Row> topRows;
  private transient RecordComparator comparator;
  private transient RowSerializer rows;
  private transient InternalTimerService<BinaryRow, VoidNamespace> timers;
  private transient Counter lateRecordsDropped;

  /**
   * @param windowEndIndex the input field holding {@code window_end}, a TIMESTAMP(3)
   * @param eventTime whether windows fire on the watermark or on the clock
   * @param laterWinsTies whether a row that ties with kept rows ranks before them (deduplication
   *     that keeps the last row) rather than after
   */
  public WindowRankOperator(
      GeneratedClass<RecordComparator> comparatorCode,
      RowType inputType,
      RankRange range,
      int windowEndIndex,
      boolean eventTime,
      boolean laterWinsTies) {
    this.comparatorCode = requireNonNull(comparatorCode, "comparatorCode");
    this.inputType = requireNonNull(inputType, "inputType");
    this.range = requireNonNull(range, "range");
    this.windowEndIndex = windowEndIndex;
    this.eventTime = eventTime;
    this.laterWinsTies = laterWinsTies;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    topRows = keys.getListState(new ListStateDescriptor<>("window-top-rows", Types.row(inputType)));
    comparator = comparatorCode.newInstance(context.userCodeClassLoader());
    rows = new RowSerializer(inputType);
    timers = context.timerService("window-rank-timers", this);
    lateRecordsDropped = context.metrics().counter(LATE_RECORDS_DROPPED);
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    if (input.kind() != RowKind.INSERT) {
      throw new IllegalStateException("Bug: a window Top-N received " + input.kind());
    }
    long fireAt = input.getTimestamp(windowEndIndex, 3).millisecond() - 1;
    if (eventTime && fireAt <= timers.currentWatermark()) {
      lateRecordsDropped.inc();
      return;
    }
    BinaryRow key = keySelector.getKey(input);
    keys.setCurrentKey(key);
    List<Row> before = SortedRows.of(topRows.get());
    int position = SortedRows.insertionPoint(before, input, comparator, laterWinsTies);
    if (position >= range.kept()) {
      return;
    }
    if (before.isEmpty()) {
      if (eventTime) {
        timers.registerEventTimeTimer(key, VoidNamespace.INSTANCE, fireAt);
      } else {
        timers.registerProcessingTimeTimer(key, VoidNamespace.INSTANCE, fireAt);
      }
    }
    topRows.update(SortedRows.inserted(before, position, rows.copy(input), range.kept()));
  }

  @Override
  public void onEventTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    fire(key, time);
  }

  @Override
  public void onProcessingTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    fire(key, Output.NO_TIMESTAMP);
  }

  private void fire(BinaryRow key, long timestamp) {
    keys.setCurrentKey(key);
    List<Row> top = SortedRows.of(topRows.get());
    for (int r = (int) range.start() - 1; r < top.size(); r++) {
      output.collect(
          RankedRow.of(top.get(r), RowKind.INSERT, r + 1, range.outputRankNumber()), timestamp);
    }
    topRows.clear();
  }
}
