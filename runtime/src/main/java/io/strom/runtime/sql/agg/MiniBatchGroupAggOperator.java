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
    boolean newKey = stored == null;
    int first = 0;
    if (newKey) {
      // Retractions of rows this key never counted (its state expired) have nothing to undo.
      while (first < rows.size() && GroupAggState.isRetraction(rows.get(first))) {
        first++;
      }
      if (first == rows.size()) {
        return;
      }
      stored = state.handler.createAccumulators();
    }
    AggsHandler handler = state.handler;
    handler.setAccumulators(stored);
    Row previous = newKey ? null : handler.getValue(key);
    for (int i = first; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (GroupAggState.isRetraction(row)) {
        handler.retract(row);
      } else {
        handler.accumulate(row);
      }
    }
    state.store(key, previous);
  }
}
