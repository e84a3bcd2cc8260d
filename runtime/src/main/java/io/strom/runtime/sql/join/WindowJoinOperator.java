package io.strom.runtime.sql.join;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.api.state.ListState;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.JoinedRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.metrics.Counter;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.TwoInputOperator;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.Triggerable;
import io.strom.serde.RowSerializer;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;

/**
 * A window join of two insert-only streams of windowed rows (INNER, LEFT, RIGHT or FULL OUTER):
 * keyed by the equality keys of its condition, which include both sides' {@code window_start} and
 * {@code window_end}, it holds each side's rows of a key and window until the watermark reaches the
 * window's last millisecond ({@code window_end - 1}). Then it joins them pair by pair with the rest
 * of the condition, pads the rows of an outer side that matched nothing with NULLs, emits it all as
 * inserts, and frees the key's state. Rows of a window that has already fired are late: dropped
 * and counted in {@value #LATE_RECORDS_DROPPED}.
 *
 * <p>Event time only, as in Flink. Called only on the task's thread.
 */
public final class WindowJoinOperator extends AbstractOperator<Row>
    implements TwoInputOperator<Row, Row, Row>, Triggerable<BinaryRow, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  public static final String LATE_RECORDS_DROPPED = "numLateRecordsDropped";

  private final StreamingJoinOperator.Type type;
  private final RowType leftType;
  private final RowType rightType;
  private final int leftWindowEndIndex;
  private final int rightWindowEndIndex;
  private final StreamingJoinOperator.JoinConditionFactory condition;
  private final boolean[] nullKeysNeverMatch;

  private transient KeySelector<Row, BinaryRow> leftKey;
  private transient KeySelector<Row, BinaryRow> rightKey;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient ListState<Row> leftRows;
  private transient ListState<Row> rightRows;
  private transient RowSerializer leftSerializer;
  private transient RowSerializer rightSerializer;
  private transient JoinCondition test;
  private transient InternalTimerService<BinaryRow, VoidNamespace> timers;
  private transient Counter lateRecordsDropped;
  private transient Row leftNulls;
  private transient Row rightNulls;

  /**
   * @param leftWindowEndIndex the left field holding {@code window_end}, a TIMESTAMP(3)
   * @param rightWindowEndIndex the right field holding {@code window_end}, a TIMESTAMP(3)
   * @param condition the part of the condition that is not an equality of keys
   * @param nullKeysNeverMatch per key column, whether a NULL there matches nothing ({@code =}) or
   *     matches NULL ({@code IS NOT DISTINCT FROM})
   */
  public WindowJoinOperator(
      StreamingJoinOperator.Type type,
      RowType leftType,
      RowType rightType,
      int leftWindowEndIndex,
      int rightWindowEndIndex,
      StreamingJoinOperator.JoinConditionFactory condition,
      boolean[] nullKeysNeverMatch) {
    this.type = requireNonNull(type, "type");
    this.leftType = requireNonNull(leftType, "leftType");
    this.rightType = requireNonNull(rightType, "rightType");
    this.leftWindowEndIndex = leftWindowEndIndex;
    this.rightWindowEndIndex = rightWindowEndIndex;
    this.condition = requireNonNull(condition, "condition");
    this.nullKeysNeverMatch = nullKeysNeverMatch.clone();
  }

  @Override
  protected void setup() throws Exception {
    leftKey = context.keySelector(0);
    rightKey = context.keySelector(1);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    leftRows =
        keys.getListState(new ListStateDescriptor<>("window-join-left", Types.row(leftType)));
    rightRows =
        keys.getListState(new ListStateDescriptor<>("window-join-right", Types.row(rightType)));
    leftSerializer = new RowSerializer(leftType);
    rightSerializer = new RowSerializer(rightType);
    test = condition.create(context.userCodeClassLoader());
    timers = context.timerService("window-join-timers", this);
    lateRecordsDropped = context.metrics().counter(LATE_RECORDS_DROPPED);
    leftNulls = new GenericRow(leftType.fieldCount());
    rightNulls = new GenericRow(rightType.fieldCount());
  }

  @Override
  public void processElement1(Row record, long timestamp) throws Exception {
    hold(record, leftKey, leftWindowEndIndex, leftRows, leftSerializer);
  }

  @Override
  public void processElement2(Row record, long timestamp) throws Exception {
    hold(record, rightKey, rightWindowEndIndex, rightRows, rightSerializer);
  }

  /** Keeps a row until its window fires, unless the window has fired already. */
  private void hold(Row record, KeySelector<Row, BinaryRow> keySelector, int windowEndIndex,
      ListState<Row> rows, RowSerializer serializer) throws Exception {
    if (record.kind() != RowKind.INSERT) {
      throw new IllegalStateException(
          "Bug: a window join got a " + record.kind() + " row; its inputs must be insert-only");
    }
    // Window bounds are TIMESTAMP(3): millisecond precision.
    long fireAt = record.getTimestamp(windowEndIndex, 3).millisecond() - 1;
    if (fireAt <= timers.currentWatermark()) {
      lateRecordsDropped.inc();
      return;
    }
    BinaryRow key = keySelector.getKey(record);
    keys.setCurrentKey(key);
    // One timer per key and window: the key holds both window columns, so every row of the key
    // has the same fire time, and registering it again is a no-op.
    timers.registerEventTimeTimer(key, VoidNamespace.INSTANCE, fireAt);
    rows.add(serializer.copy(record));
  }

  @Override
  public void onEventTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    keys.setCurrentKey(key);
    List<Row> lefts = list(leftRows.get());
    List<Row> rights = list(rightRows.get());
    boolean[] rightMatched = new boolean[rights.size()];
    boolean matchable = matchable(key);
    for (Row left : lefts) {
      boolean leftMatched = false;
      for (int r = 0; matchable && r < rights.size(); r++) {
        if (test.test(left, rights.get(r))) {
          leftMatched = true;
          rightMatched[r] = true;
          emit(left, rights.get(r), time);
        }
      }
      if (!leftMatched && type.leftOuter) {
        emit(left, rightNulls, time);
      }
    }
    if (type.rightOuter) {
      for (int r = 0; r < rights.size(); r++) {
        if (!rightMatched[r]) {
          emit(leftNulls, rights.get(r), time);
        }
      }
    }
    leftRows.clear();
    rightRows.clear();
  }

  @Override
  public void onProcessingTime(BinaryRow key, VoidNamespace namespace, long time) {
    throw new IllegalStateException("Bug: a window join runs on event time only");
  }

  private static List<Row> list(Iterable<Row> rows) {
    List<Row> list = new ArrayList<>();
    rows.forEach(list::add);
    return list;
  }

  /** False when the key has a NULL where NULL matches nothing. */
  private boolean matchable(BinaryRow key) {
    for (int i = 0; i < nullKeysNeverMatch.length; i++) {
      if (nullKeysNeverMatch[i] && key.isNullAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void emit(Row left, Row right, long timestamp) {
    JoinedRow out = new JoinedRow(left, right);
    out.setKind(RowKind.INSERT);
    output.collect(out, timestamp);
  }
}
