package io.strom.runtime.sql.agg;

import io.strom.api.state.MapState;
import io.strom.data.BinaryRow;
import io.strom.types.RowType;

/** State that generated aggregate functions keep besides their accumulators, per current key. */
public interface AggsContext {

  /**
   * A map from values (as binary rows of {@code valueType}) to how often each was seen, for the
   * current key: distinct values, or the values a retractable MIN/MAX chooses from.
   *
   * @param name unique among the aggregation's views
   */
  MapState<BinaryRow, Long> countingMap(String name, RowType valueType);
}
