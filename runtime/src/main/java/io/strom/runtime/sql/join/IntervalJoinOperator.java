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
import io.strom.runtime.time.Watermarks;
import io.strom.types.RowType;

/**
 * An interval join of two insert-only streams (INNER, LEFT, RIGHT or FULL OUTER), keyed by the
 * equality keys of its condition: a left row at time {@code l} joins the right rows at times
 * {@code r} with {@code r + lower <= l <= r + upper} (see {@link IntervalJoinBounds}) that also
 * pass the rest of the condition. Each side holds its rows only until time has passed the last
 * time a row of the other side could still match them; then they leave state, and a row of an
 * outer side that never matched comes out once, padded with NULLs. The output is insert-only.
 *
 * <p>On event time, time is the watermark and a row's time its time attribute; the output keeps
 * both inputs' time attributes, and the output watermark is held back by the longest time a row
 * can wait. On processing time, time is the clock and a row's time the value its {@code
 * PROCTIME()} column got upstream; watermarks pass unchanged.
 *
 * <p>Rows behind the watermark are not dropped: they join the rows the other side still holds,
 * and are held themselves only while a later row of the other side could match them (an outer
 * row that cannot is padded at once). As in Flink, a side's expired rows leave when its one
 * clean-up timer per key fires or when a row of the other side scans them.
 *
 * <p>Called only on the task's thread.
 */
public final class IntervalJoinOperator extends AbstractOperator<Row>
    implements TwoInputOperator<Row, Row, Row> {
  private static final long serialVersionUID = 1L;

  private final StreamingJoinOperator.Type type;
  private final IntervalJoinBounds bounds;
  private final RowType leftType;
  private final RowType rightType;
  private final StreamingJoinOperator.JoinConditionFactory condition;
  private final boolean[] nullKeysNeverMatch;

  private transient KeySelector<Row, BinaryRow> leftKey;
  private transient KeySelector<Row, BinaryRow> rightKey;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient Side left;
  private transient Side right;
  private transient JoinCondition test;
  private transient JoinedRow joined;

  /**
   * @param condition the part of the condition that is neither an equality of keys nor a bound
   *     of the time attributes
   * @param nullKeysNeverMatch per key column, whether a NULL there matches nothing ({@code =}) or
   *     matches NULL ({@code IS NOT DISTINCT FROM})
   */
  public IntervalJoinOperator(
      StreamingJoinOperator.Type type,
      IntervalJoinBounds bounds,
      RowType leftType,
      RowType rightType,
      StreamingJoinOperator.JoinConditionFactory condition,
      boolean[] nullKeysNeverMatch) {
    this.type = requireNonNull(type, "type");
    this.bounds = requireNonNull(bounds, "bounds");
    this.leftType = requireNonNull(leftType, "leftType");
    this.rightType = requireNonNull(rightType, "rightType");
    this.condition = requireNonNull(condition, "condition");
    this.nullKeysNeverMatch = nullKeysNeverMatch.clone();
  }

  @Override
  protected void setup() throws Exception {
    leftKey = context.keySelector(0);
    rightKey = context.keySelector(1);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    left = new Side(true, leftType, bounds.leftTimeIndex(), bounds.leftRelativeSize(), type.leftOuter);
    right = new Side(
        false, rightType, bounds.rightTimeIndex(), bounds.rightRelativeSize(), type.rightOuter);
    test = condition.create(context.userCodeClassLoader());
    joined = new JoinedRow();
  }

  @Override
  public void processElement1(Row record, long timestamp) throws Exception {
    keys.setCurrentKey(leftKey.getKey(record));
    process(record, left, right);
  }

  @Override
  public void processElement2(Row record, long timestamp) throws Exception {
    keys.setCurrentKey(rightKey.getKey(record));
    process(record, right, left);
  }

  /** Fires due clean-up timers, then forwards the watermark held back by the longest wait. */
  @Override
  public void processWatermark(long watermark) throws Exception {
    context.advanceWatermark(watermark);
    output.emitWatermark(heldBack(watermark));
  }

  private long heldBack(long watermark) {
    if (!bounds.rowTime() || bounds.isEmpty() || watermark == Watermarks.END
        || watermark == Watermarks.NONE) {
      return watermark;
    }
    long delay = bounds.maxOutputDelay();
    return watermark < Long.MIN_VALUE + delay ? Watermarks.NONE : watermark - delay;
  }

  private void process(Row input, Side mine, Side other) throws Exception {
    if (input.kind() != RowKind.INSERT) {
      throw new IllegalStateException(
          "Bug: an interval join got a " + input.kind() + " row; its inputs must be insert-only");
    }
    Long time = mine.buffer.timeOf(input);
    if (time == null || bounds.isEmpty()) {
      // No row of the other side can ever match this one.
      if (mine.outer) {
        emitPadded(input, mine);
      }
      return;
    }
    long now = operatorTime();
    // The other side's rows at times [lower, upper] may match this row.
    long lower = time - other.relativeSize;
    long upper = time + mine.relativeSize;
    boolean matched = false;
    // The other side's rows up to its last expiration time are gone or about to go, so when even
    // this row's upper bound lies there, there is nothing to scan.
    if (other.expiredUpTo < upper) {
      other.expiredUpTo = expiration(now, other.relativeSize);
      boolean matchable = matchable(keys.currentKey());
      for (IntervalJoinBuffer.Held held : other.buffer.all()) {
        if (matchable && held.time() >= lower && held.time() <= upper
            && pass(input, mine, held.row())) {
          matched = true;
          emitJoined(input, mine, held.row(), held.copies());
          if (other.outer) {
            other.buffer.markMatched(held);
            held = new IntervalJoinBuffer.Held(held.row(), held.time(), held.copies(), 0);
          }
        }
        if (held.time() <= other.expiredUpTo) {
          expire(held, other);
        }
      }
    }
    if (now < upper) {
      // A later row of the other side may still match this one: hold it until time passes.
      mine.buffer.add(input, matched);
      if (mine.buffer.cleanUpAt() == null) {
        registerCleanUp(mine, time);
      }
    } else if (!matched && mine.outer) {
      emitPadded(input, mine);
    }
  }

  private boolean pass(Row input, Side mine, Row held) throws Exception {
    return mine.isLeft ? test.test(input, held) : test.test(held, input);
  }

  /** Removes a held row whose time has passed, padding its unmatched copies on an outer side. */
  private void expire(IntervalJoinBuffer.Held held, Side side) {
    if (side.outer) {
      for (long i = 0; i < held.unmatched(); i++) {
        emitPadded(held.row(), side);
      }
    }
    side.buffer.remove(held);
  }

  /** The side's clean-up timer for its current key: due once its earliest row may go. */
  private void registerCleanUp(Side side, long rowTime) {
    long at = rowTime + side.relativeSize + 1;
    if (bounds.rowTime()) {
      side.timers.registerEventTimeTimer(keys.currentKey(), VoidNamespace.INSTANCE, at);
    } else {
      side.timers.registerProcessingTimeTimer(keys.currentKey(), VoidNamespace.INSTANCE, at);
    }
    side.buffer.setCleanUpAt(at);
  }

  private void cleanUp(Side side, BinaryRow key, long time) {
    keys.setCurrentKey(key);
    Long due = side.buffer.cleanUpAt();
    if (due == null || due != time) {
      return;
    }
    side.expiredUpTo = expiration(operatorTime(), side.relativeSize);
    Long earliestLeft = null;
    for (IntervalJoinBuffer.Held held : side.buffer.all()) {
      if (held.time() <= side.expiredUpTo) {
        expire(held, side);
      } else if (earliestLeft == null || held.time() < earliestLeft) {
        earliestLeft = held.time();
      }
    }
    if (earliestLeft != null) {
      registerCleanUp(side, earliestLeft);
    } else {
      side.buffer.clear();
    }
  }

  /** The operator's time: the watermark (not below 0, as in Flink), or the clock. */
  private long operatorTime() {
    if (!bounds.rowTime()) {
      return left.timers.currentProcessingTime();
    }
    return Math.max(0, left.timers.currentWatermark());
  }

  /** Rows of a side whose relative size is {@code relativeSize} up to this time can go. */
  private static long expiration(long operatorTime, long relativeSize) {
    return operatorTime == Watermarks.END ? Long.MAX_VALUE : operatorTime - relativeSize - 1;
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

  private void emitJoined(Row input, Side mine, Row other, long times) {
    for (long i = 0; i < times; i++) {
      JoinedRow out = mine.isLeft ? new JoinedRow(input, other) : new JoinedRow(other, input);
      out.setKind(RowKind.INSERT);
      output.collect(out, Output.NO_TIMESTAMP);
    }
  }

  private void emitPadded(Row row, Side side) {
    Row nulls = side.isLeft ? right.nulls : left.nulls;
    JoinedRow out = side.isLeft ? new JoinedRow(row, nulls) : new JoinedRow(nulls, row);
    out.setKind(RowKind.INSERT);
    output.collect(out, Output.NO_TIMESTAMP);
  }

  /** One input's held rows, timers and settings. */
  private final class Side implements Triggerable<BinaryRow, VoidNamespace> {
    final boolean isLeft;
    final boolean outer;
    /** How far before the other side's row this side's rows may lie and still match. */
    final long relativeSize;
    final IntervalJoinBuffer buffer;
    final InternalTimerService<BinaryRow, VoidNamespace> timers;
    final Row nulls;
    /**
     * Up to which time this side's rows have expired, as far as this subtask knows; like Flink it
     * is kept per subtask, not per key, and not checkpointed: it only saves scans.
     */
    long expiredUpTo;

    Side(boolean isLeft, RowType rowType, int timeIndex, long relativeSize, boolean outer) {
      String name = isLeft ? "interval-join-left" : "interval-join-right";
      this.isLeft = isLeft;
      this.outer = outer;
      this.relativeSize = relativeSize;
      this.buffer = new IntervalJoinBuffer(keys, name, rowType, timeIndex);
      this.timers = context.timerService(name + "-timers", this);
      this.nulls = new GenericRow(rowType.fieldCount());
    }

    @Override
    public void onEventTime(BinaryRow key, VoidNamespace namespace, long time) {
      cleanUp(this, key, time);
    }

    @Override
    public void onProcessingTime(BinaryRow key, VoidNamespace namespace, long time) {
      cleanUp(this, key, time);
    }
  }
}
