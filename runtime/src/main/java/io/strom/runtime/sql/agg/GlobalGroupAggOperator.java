package io.strom.runtime.sql.agg;

import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.runtime.generated.GeneratedClass;
import io.strom.types.RowType;
import java.util.List;

/**
 * The second phase of a two-phase group aggregation, after the exchange by key: it buffers the
 * partial rows of {@link LocalGroupAggOperator}s (key fields, then accumulators) for a mini-batch,
 * then merges each key's partials into the key's accumulators in state — one read and one write
 * per key and batch — and emits the key's new result, as {@link GroupAggOperator} would: over a
 * retracting input the merged row count tells when a key has lost all its rows, which deletes it.
 *
 * <p>A partial is net over its batch, so a retraction of a row counted by state that has since
 * expired cannot be told apart from the rest: a key whose merged count is not above zero has no
 * rows, and is deleted, or, without state, ignored — never kept with a negative count.
 */
public final class GlobalGroupAggOperator extends BufferedGroupAggOperator {
  private static final long serialVersionUID = 1L;

  private final int keyArity;

  /**
   * @param keyArity how many key fields lead each partial row; its accumulators follow
   * @see GroupAggOperator#GroupAggOperator
   */
  public GlobalGroupAggOperator(
      GeneratedClass<AggsHandler> handlerCode,
      RowType accumulatorType,
      int keyArity,
      boolean generateUpdateBefore,
      long stateTtlMillis,
      MiniBatch miniBatch) {
    super(handlerCode, accumulatorType, generateUpdateBefore, stateTtlMillis, miniBatch);
    this.keyArity = keyArity;
  }

  @Override
  void applyKey(BinaryRow key, Row stored, List<Row> partials) throws Exception {
    AggsHandler handler = state.handler;
    Row previous = state.load(key, stored);
    for (Row partial : partials) {
      handler.merge(partial, keyArity);
    }
    state.store(key, previous);
  }
}
