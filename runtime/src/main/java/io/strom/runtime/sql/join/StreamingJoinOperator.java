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
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;

/**
 * A regular SQL join of two changelogs (INNER, LEFT, RIGHT or FULL OUTER), keyed by the equality
 * keys of its condition: each side keeps every row it has seen for a key, and each arriving row
 * (or retraction) is joined with the other side's rows.
 *
 * <p>An inner join passes each input's change kind on. An outer join emits only inserts and
 * deletes: a row of an outer side without matches comes out padded with NULLs, and that padded
 * row is deleted when its first match arrives (and inserted again when its last match goes).
 */
public final class StreamingJoinOperator extends AbstractOperator<Row>
    implements TwoInputOperator<Row, Row, Row> {
  private static final long serialVersionUID = 1L;

  /** The join types a streaming join runs. */
  public enum Type {
    INNER(false, false),
    LEFT(true, false),
    RIGHT(false, true),
    FULL(true, true);

    final boolean leftOuter;
    final boolean rightOuter;

    Type(boolean leftOuter, boolean rightOuter) {
      this.leftOuter = leftOuter;
      this.rightOuter = rightOuter;
    }
  }

  private final Type type;
  private final RowType leftType;
  private final RowType rightType;
  private final JoinConditionFactory condition;
  private final long stateTtlMillis;
  private final boolean[] nullKeysNeverMatch;

  private transient KeySelector<Row, BinaryRow> leftKey;
  private transient KeySelector<Row, BinaryRow> rightKey;
  private transient KeyedStateAccess<BinaryRow> keys;
  private transient JoinSideState leftRows;
  private transient JoinSideState rightRows;
  private transient JoinCondition test;
  private transient Row leftNulls;
  private transient Row rightNulls;
  /** The held rows an input row matches, refilled per input row. */
  private transient List<JoinSideState.Held> matches;

  /** Creates the non-equi part of the condition on the task (it may be generated code). */
  public interface JoinConditionFactory extends java.io.Serializable {
    JoinCondition create(ClassLoader classLoader) throws Exception;
  }

  /**
   * @param nullKeysNeverMatch per key column, whether a NULL there matches nothing ({@code =}) or
   *     matches NULL ({@code IS NOT DISTINCT FROM})
   */
  public StreamingJoinOperator(
      Type type,
      RowType leftType,
      RowType rightType,
      JoinConditionFactory condition,
      boolean[] nullKeysNeverMatch,
      long stateTtlMillis) {
    this.type = requireNonNull(type, "type");
    this.leftType = requireNonNull(leftType, "leftType");
    this.rightType = requireNonNull(rightType, "rightType");
    this.condition = requireNonNull(condition, "condition");
    this.stateTtlMillis = stateTtlMillis;
    this.nullKeysNeverMatch = nullKeysNeverMatch.clone();
  }

  @Override
  protected void setup() throws Exception {
    leftKey = context.keySelector(0);
    rightKey = context.keySelector(1);
    keys = new KeyedStateAccess<>(context.<BinaryRow>keyedStateBackend(), context.operatorName());
    leftRows = JoinSideState.create(keys, "left", leftType, type.leftOuter, stateTtlMillis);
    rightRows = JoinSideState.create(keys, "right", rightType, type.rightOuter, stateTtlMillis);
    test = condition.create(context.userCodeClassLoader());
    leftNulls = new GenericRow(leftType.fieldCount());
    rightNulls = new GenericRow(rightType.fieldCount());
    matches = new ArrayList<>();
  }

  @Override
  public void processElement1(Row record, long timestamp) throws Exception {
    keys.setCurrentKey(leftKey.getKey(record));
    process(record, true);
  }

  @Override
  public void processElement2(Row record, long timestamp) throws Exception {
    keys.setCurrentKey(rightKey.getKey(record));
    process(record, false);
  }

  private void process(Row input, boolean inputIsLeft) throws Exception {
    JoinSideState mine = inputIsLeft ? leftRows : rightRows;
    JoinSideState other = inputIsLeft ? rightRows : leftRows;
    boolean inputOuter = inputIsLeft ? type.leftOuter : type.rightOuter;
    boolean otherOuter = inputIsLeft ? type.rightOuter : type.leftOuter;
    boolean outer = inputOuter || otherOuter;
    List<JoinSideState.Held> matches = this.matches;
    matches.clear();
    long matchCount = 0;
    for (JoinSideState.Held held : matchable(keys.currentKey()) ? other.all() : List.<JoinSideState.Held>of()) {
      boolean match = inputIsLeft ? test.test(input, held.row()) : test.test(held.row(), input);
      if (match) {
        matches.add(held);
        matchCount += held.copies();
      }
    }
    BinaryRow row = mine.held(input);
    boolean accumulate = input.kind() == RowKind.INSERT || input.kind() == RowKind.UPDATE_AFTER;
    if (accumulate) {
      if (matches.isEmpty() && inputOuter) {
        emitPadded(RowKind.INSERT, input, inputIsLeft);
      }
      for (JoinSideState.Held held : matches) {
        if (otherOuter) {
          if (held.matches() == 0) {
            // The other row was out alone, padded with NULLs: that row is replaced now.
            emitPadded(RowKind.DELETE, held.row(), !inputIsLeft, held.copies());
          }
          other.setMatches(held, held.matches() + 1);
        }
        emit(outer ? RowKind.INSERT : input.kind(), input, held.row(), inputIsLeft, held.copies());
      }
      mine.add(row, inputOuter ? matchCount : 0);
    } else {
      mine.retract(row);
      if (matches.isEmpty() && inputOuter) {
        emitPadded(RowKind.DELETE, input, inputIsLeft);
      }
      for (JoinSideState.Held held : matches) {
        emit(outer ? RowKind.DELETE : input.kind(), input, held.row(), inputIsLeft, held.copies());
        if (otherOuter) {
          if (held.matches() == 1) {
            // Its last match is gone: the other row stands alone again.
            emitPadded(RowKind.INSERT, held.row(), !inputIsLeft, held.copies());
          }
          other.setMatches(held, Math.max(0, held.matches() - 1));
        }
      }
    }
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

  private void emit(RowKind kind, Row input, Row other, boolean inputIsLeft, long times) {
    for (long i = 0; i < times; i++) {
      JoinedRow joined = inputIsLeft ? new JoinedRow(input, other) : new JoinedRow(other, input);
      joined.setKind(kind);
      output.collect(joined, Output.NO_TIMESTAMP);
    }
  }

  private void emitPadded(RowKind kind, Row row, boolean rowIsLeft) {
    emitPadded(kind, row, rowIsLeft, 1);
  }

  private void emitPadded(RowKind kind, Row row, boolean rowIsLeft, long times) {
    emit(kind, row, rowIsLeft ? rightNulls : leftNulls, rowIsLeft, times);
  }
}
