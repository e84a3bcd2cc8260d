package io.strom.runtime.sql.agg;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.KeySelector;
import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.types.RowType;

/**
 * A SQL group aggregation over a keyed stream: per key it keeps the accumulators of its aggregate
 * functions and emits the key's new result after each row, as an updating changelog. The first
 * result of a key is an INSERT; a changed result is an UPDATE_BEFORE of the old row (when asked
 * for) and an UPDATE_AFTER of the new one; a key whose rows are all retracted is a DELETE.
 */
public final class GroupAggOperator extends AbstractOperator<Row>
    implements OneInputOperator<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final GeneratedClass<AggsHandler> handlerCode;
  private final RowType accumulatorType;
  private final boolean generateUpdateBefore;
  private final long stateTtlMillis;

  private transient KeySelector<Row, BinaryRow> keySelector;
  private transient GroupAggState state;

  /**
   * @param accumulatorType the type of the rows {@code handlerCode} keeps its accumulators in
   * @param generateUpdateBefore whether a changed result retracts the old row first (downstream
   *     needs it unless it upserts by the grouping key)
   * @param stateTtlMillis how long an idle key's state lives; 0 keeps it forever
   */
  public GroupAggOperator(
      GeneratedClass<AggsHandler> handlerCode,
      RowType accumulatorType,
      boolean generateUpdateBefore,
      long stateTtlMillis) {
    this.handlerCode = requireNonNull(handlerCode, "handlerCode");
    this.accumulatorType = requireNonNull(accumulatorType, "accumulatorType");
    this.generateUpdateBefore = generateUpdateBefore;
    this.stateTtlMillis = stateTtlMillis;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    state = new GroupAggState(
        context, output, handlerCode, accumulatorType, generateUpdateBefore, stateTtlMillis);
  }

  @Override
  public void processElement(Row input, long timestamp) throws Exception {
    BinaryRow key = keySelector.getKey(input);
    boolean retraction = GroupAggState.isRetraction(input);
    Row stored = state.stored(key);
    if (stored == null && retraction) {
      // A retraction of a row this key never counted (its state expired): nothing to undo.
      return;
    }
    Row previous = state.load(key, stored);
    AggsHandler handler = state.handler;
    if (retraction) {
      handler.retract(input);
    } else {
      handler.accumulate(input);
    }
    state.store(key, previous);
  }

  @Override
  public void close() throws Exception {
    if (state != null) {
      state.close();
    }
  }
}
