package io.strom.runtime.sql.agg;

import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.types.RowType;
import java.util.List;

/**
 * A SQL group aggregation that buffers its input for a mini-batch and then applies each key's rows
 * at once (see {@link BufferedGroupAggOperator}): one change per key and batch (the result after
 * all its rows) instead of one per row. The final result per key is that of {@link
 * GroupAggOperator}; only intermediate updates are left out.
 */
public final class MiniBatchGroupAggOperator extends BufferedGroupAggOperator {
  private static final long serialVersionUID = 1L;

  /** See {@link GroupAggOperator#GroupAggOperator}; {@code miniBatch} says when batches apply. */
  public MiniBatchGroupAggOperator(
      GeneratedClass<AggsHandler> handlerCode,
      RowType accumulatorType,
      boolean generateUpdateBefore,
      long stateTtlMillis,
      MiniBatch miniBatch) {
    super(handlerCode, accumulatorType, generateUpdateBefore, stateTtlMillis, miniBatch);
  }

  @Override
  void applyKey(BinaryRow key, Row stored, List<Row> rows) throws Exception {
    AggsHandler handler = state.handler;
    Row previous = state.load(key, stored);
    for (Row row : rows) {
      if (!GroupAggState.isRetraction(row)) {
        handler.accumulate(row);
      } else if (!handler.recordCountIsZero()) {
        handler.retract(row);
      }
      // else: as GroupAggOperator would, ignore a retraction while the key counts no rows (its
      // state expired, or the batch retracted them all): it has nothing to undo.
    }
    state.store(key, previous);
  }
}
