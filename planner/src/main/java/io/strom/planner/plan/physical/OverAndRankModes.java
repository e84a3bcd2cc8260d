package io.strom.planner.plan.physical;

import io.strom.connector.ChangelogMode;
import io.strom.data.RowKind;
import io.strom.planner.ValidationException;
import org.apache.calcite.rel.RelNode;

/**
 * The changes Top-N, deduplication, OVER aggregation and temporal sort nodes emit, given their
 * input's.
 */
final class OverAndRankModes {
  private OverAndRankModes() {}

  static boolean handles(RelNode node) {
    return node instanceof StreamPhysicalRank || node instanceof StreamPhysicalDeduplicate
        || node instanceof StreamPhysicalWindowRank || node instanceof StreamPhysicalOverAggregate
        || node instanceof StreamPhysicalTemporalSort;
  }

  static ChangelogMode of(RelNode node, ChangelogMode input) {
    if (node instanceof StreamPhysicalRank) {
      // Rows enter and leave the top ranks (or change rank): every kind of change.
      return ChangelogMode.all();
    }
    if (node instanceof StreamPhysicalDeduplicate deduplicate) {
      return deduplicate.insertOnly()
          ? ChangelogMode.insertOnly()
          : ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);
    }
    if (node instanceof StreamPhysicalOverAggregate over) {
      return overAggregate(over, input);
    }
    // Window Top-N emits final rows once per window; temporal sort each input row once.
    return ChangelogMode.insertOnly();
  }

  /**
   * Over an insert-only input each row comes out once, which needs rows ordered by time; over an
   * updating input the rows whose frames change are updated, whatever orders them.
   */
  private static ChangelogMode overAggregate(StreamPhysicalOverAggregate over, ChangelogMode input) {
    if (input.containsOnly(RowKind.INSERT)) {
      if (!over.timeOrdered()) {
        throw new ValidationException("OVER windows must be ordered by one time attribute,"
            + " ascending (a rowtime column with a WATERMARK, or PROCTIME()); only over an"
            + " updating input (the result of a GROUP BY, a Top-N, ...) can any columns order"
            + " them");
      }
      return ChangelogMode.insertOnly();
    }
    if (!over.spec().rows() && !over.spec().unbounded()) {
      throw new ValidationException("A RANGE frame with an offset over an updating input is not"
          + " supported; write ROWS BETWEEN n PRECEDING or RANGE BETWEEN UNBOUNDED PRECEDING AND"
          + " CURRENT ROW");
    }
    return ChangelogMode.all();
  }
}
