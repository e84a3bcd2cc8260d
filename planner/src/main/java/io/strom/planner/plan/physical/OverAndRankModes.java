package io.strom.planner.plan.physical;

import io.strom.connector.ChangelogMode;
import io.strom.data.RowKind;
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
    // Window Top-N emits final rows once per window; OVER and temporal sort each input row once.
    return ChangelogMode.insertOnly();
  }
}
