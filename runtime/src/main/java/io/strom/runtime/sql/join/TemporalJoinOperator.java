package io.strom.runtime.sql.join;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.GenericRow;
import io.strom.data.JoinedRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.Output;
import io.strom.runtime.operators.TwoInputOperator;
import io.strom.runtime.state.KeyedStateAccess;
import io.strom.runtime.state.VoidNamespace;
import io.strom.runtime.time.InternalTimerService;
import io.strom.runtime.time.Triggerable;
import io.strom.types.RowType;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event-time temporal join ({@code FOR SYSTEM_TIME AS OF} the left row's event time) against a
 * versioned table, INNER or LEFT, keyed by the join's equality keys (which hold the versioned
 * table's primary key). Each left row joins the version of the right side that was current at
 * its time: the one with the latest time at or before it.
 *
 * <p>Left rows wait until the watermark passes their time, since until then a version at or
 * before it may still arrive; then the key's due rows come out in arrival order. A right row is
 * a version at its time, replacing any other at that time; a DELETE marks that the previous
 * version ended, so a left row after it finds none. An UPDATE_BEFORE is skipped: the
 * UPDATE_AFTER that follows it is the next version, and the old row's time would be the wrong
 * place to end the old one. A left row that finds no version, a deleted one, or one that fails
 * the rest of the condition comes out padded with NULLs in a LEFT join and not at all in an
 * INNER one. Every output row has its left row's change kind, so insert-only left input gives an
 * insert-only result.
 *
 * <p>Versions no future row can need are freed as the watermark passes: all but the latest at or
 * before the watermark (that one too when it is a DELETE). Rows behind the watermark are not
 * dropped: a late left row joins what is still kept at the next watermark, a late right row is
 * kept as a version for the rows still to come. The input watermark passes on unchanged, after
 * the rows it made due.
 *
 * <p>Called only on the task's thread.
 */
public final class TemporalJoinOperator extends AbstractOperator<Row>
    implements TwoInputOperator<Row, Row, Row>, Triggerable<BinaryRow, VoidNamespace> {
  private static final long serialVersionUID = 1L;

  private final boolean leftOuter;
  private final RowType leftType;
  private final RowType rightType;
  private final RowTimeField leftTime;
  private final RowTimeField rightTime;
  private final StreamingJoinOperator.JoinConditionFactory condition;
  private final boolean[] nullKeysNeverMatch;
  private final long stateTtlMillis;

  private transient KeySelector<Row, BinaryRow> leftKey;
  private transient KeySelector<Row, BinaryRow> rightKey;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient TemporalJoinState state;
  private transient InternalTimerService<BinaryRow, VoidNamespace> timers;
  private transient JoinCondition test;
  private transient Row rightNulls;

  /**
   * @param leftOuter true for a LEFT join, false for an INNER one
   * @param condition the part of the condition that is not an equality of keys
   * @param nullKeysNeverMatch per key column, whether a NULL there matches nothing ({@code =}) or
   *     matches NULL ({@code IS NOT DISTINCT FROM})
   * @param stateTtlMillis {@code table.exec.state.ttl}; 0 keeps state until time frees it
   */
  public TemporalJoinOperator(
      boolean leftOuter,
      RowType leftType,
      RowType rightType,
      RowTimeField leftTime,
      RowTimeField rightTime,
      StreamingJoinOperator.JoinConditionFactory condition,
      boolean[] nullKeysNeverMatch,
      long stateTtlMillis) {
    this.leftOuter = leftOuter;
    this.leftType = requireNonNull(leftType, "leftType");
    this.rightType = requireNonNull(rightType, "rightType");
    this.leftTime = requireNonNull(leftTime, "leftTime");
    this.rightTime = requireNonNull(rightTime, "rightTime");
    this.condition = requireNonNull(condition, "condition");
    this.nullKeysNeverMatch = nullKeysNeverMatch.clone();
    this.stateTtlMillis = stateTtlMillis;
  }

  @Override
  protected void setup() throws Exception {
    leftKey = context.keySelector(0);
    rightKey = context.keySelector(1);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    state = new TemporalJoinState(keys, leftType, rightType, stateTtlMillis);
    timers = context.timerService("temporal-join-timers", this);
    test = condition.create(context.userCodeClassLoader());
    rightNulls = new GenericRow(rightType.fieldCount());
  }

  @Override
  public void processElement1(Row record, long timestamp) throws Exception {
    Long time = leftTime.millisOf(record);
    if (time == null) {
      // A row without a time is as of no time: no version matches it.
      if (leftOuter) {
        emit(record, rightNulls);
      }
      return;
    }
    keys.setCurrentKey(leftKey.getKey(record));
    state.addWaiting(record);
    registerTimerBy(time);
  }

  @Override
  public void processElement2(Row record, long timestamp) throws Exception {
    Long time = rightTime.millisOf(record);
    if (time == null || record.kind() == RowKind.UPDATE_BEFORE) {
      return;
    }
    keys.setCurrentKey(rightKey.getKey(record));
    state.putVersion(time, record);
    // Once the watermark passes it, older versions may be freed.
    registerTimerBy(time);
  }

  /** Emits the rows the watermark made due (through the timers), then forwards it. */
  @Override
  public void processWatermark(long watermark) throws Exception {
    context.advanceWatermark(watermark);
    output.emitWatermark(watermark);
  }

  @Override
  public void onEventTime(BinaryRow key, VoidNamespace namespace, long time) throws Exception {
    keys.setCurrentKey(key);
    state.clearTimer();
    long watermark = timers.currentWatermark();
    TemporalJoinState.Due due = state.takeWaitingUpTo(watermark, leftTime);
    TreeMap<Long, Row> versions = state.versions();
    boolean matchable = matchable(key);
    for (Row left : due.rows()) {
      Map.Entry<Long, Row> version = versions.floorEntry(leftTime.millisOf(left));
      Row right = version == null || !matchable ? null : version.getValue();
      if (right != null && right.kind() != RowKind.DELETE && test.test(left, right)) {
        emit(left, right);
      } else if (leftOuter) {
        emit(left, rightNulls);
      }
    }
    Long nextVersion = freeVersionsBefore(watermark, versions);
    if (due.earliestWaiting() != null) {
      registerTimerBy(due.earliestWaiting());
    } else if (nextVersion != null) {
      registerTimerBy(nextVersion);
    }
  }

  @Override
  public void onProcessingTime(BinaryRow key, VoidNamespace namespace, long time) {
    throw new IllegalStateException("Bug: an event-time temporal join set a processing-time timer");
  }

  /**
   * Frees every version but the latest at or before the watermark (which rows to come may still
   * need), and that one too when it is a DELETE; returns the time of the first version after the
   * watermark, or null when there is none.
   */
  private Long freeVersionsBefore(long watermark, TreeMap<Long, Row> versions) {
    Map.Entry<Long, Row> current = versions.floorEntry(watermark);
    if (current != null) {
      for (Long time : versions.headMap(current.getKey(), false).keySet()) {
        state.removeVersion(time);
      }
      if (current.getValue().kind() == RowKind.DELETE) {
        state.removeVersion(current.getKey());
      }
    }
    return versions.higherKey(watermark);
  }

  /** Keeps the key's one timer at the earliest time something is due. */
  private void registerTimerBy(long time) {
    Long registered = state.timer();
    if (registered != null && registered <= time) {
      return;
    }
    if (registered != null) {
      timers.deleteEventTimeTimer(keys.currentKey(), VoidNamespace.INSTANCE, registered);
    }
    timers.registerEventTimeTimer(keys.currentKey(), VoidNamespace.INSTANCE, time);
    state.setTimer(time);
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

  private void emit(Row left, Row right) {
    JoinedRow out = new JoinedRow(left, right);
    out.setKind(left.kind());
    output.collect(out, Output.NO_TIMESTAMP);
  }
}
