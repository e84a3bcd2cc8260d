package io.strom.runtime.sql.agg;

import io.strom.api.functions.FunctionContext;
import io.strom.api.state.MapState;
import io.strom.data.BinaryRow;
import io.strom.types.RowType;

/**
 * What generated aggregate functions get from their operator: state they keep besides their
 * accumulators, per current key, and the context user-defined aggregate functions open with.
 */
public interface AggsContext {

  /**
   * A map from values (as binary rows of {@code valueType}) to how often each was seen, for the
   * current key: distinct values, or the values a retractable MIN/MAX chooses from.
   *
   * @param name unique among the aggregation's views
   */
  MapState<BinaryRow, Long> countingMap(String name, RowType valueType);

  /**
   * A map from distinct values (as binary rows of {@code valueType}) to how often each was seen,
   * for the current key, counted separately per FILTER of the distinct aggregations that share it
   * (see {@link DistinctCounts}).
   *
   * @param name unique among the aggregation's views
   */
  MapState<BinaryRow, long[]> distinctCounts(String name, RowType valueType);

  /**
   * Fails when the restored checkpoint holds state {@code name}, which an older version kept in a
   * layout that this one does not read: reading it as the current layout would give wrong
   * results, and ignoring it would silently lose the values seen so far.
   */
  void refuseOlderLayout(String name);

  /** The context user-defined aggregate functions are opened with. */
  FunctionContext functionContext();
}
