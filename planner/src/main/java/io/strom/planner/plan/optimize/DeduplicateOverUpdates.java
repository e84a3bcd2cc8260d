package io.strom.planner.plan.optimize;

import io.strom.connector.ChangelogMode;
import io.strom.data.RowKind;
import io.strom.planner.plan.physical.ChangelogModes;
import io.strom.planner.plan.physical.StreamPhysicalDeduplicate;
import io.strom.planner.plan.physical.StreamPhysicalRank;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.StreamPhysicalTableSourceScan;
import io.strom.runtime.sql.rank.RankRange;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;

/**
 * Plans a deduplication whose input updates as the Top-1 it is, as Flink does since 2.0
 * (FLINK-34702): {@code ROW_NUMBER() OVER (PARTITION BY k ORDER BY time) = 1} over an updating
 * input becomes a {@code Rank} of row 1 ordered by the time column, whose retracting Top-N takes
 * rows back and puts the next one in their place. The deduplicate operator keeps one row per key
 * and could not. Runs on the physical plan, where the inputs' changelog modes are known.
 */
public final class DeduplicateOverUpdates {
  private DeduplicateOverUpdates() {}

  /** Rewrites every deduplication of {@code node} over an updating input. */
  public static StreamPhysicalRel apply(
      StreamPhysicalRel node, Function<StreamPhysicalTableSourceScan, ChangelogMode> sources) {
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : node.getInputs()) {
      inputs.add(apply((StreamPhysicalRel) input, sources));
    }
    StreamPhysicalRel rewritten = inputs.equals(node.getInputs())
        ? node
        : (StreamPhysicalRel) node.copy(node.getTraitSet(), inputs);
    if (rewritten instanceof StreamPhysicalDeduplicate dedup) {
      StreamPhysicalRel input = (StreamPhysicalRel) dedup.getInput();
      if (!ChangelogModes.infer(input, sources).of(input).containsOnly(RowKind.INSERT)) {
        return topOne(dedup);
      }
    }
    return rewritten;
  }

  private static StreamPhysicalRank topOne(StreamPhysicalDeduplicate dedup) {
    // NULL sorts low, as in the OVER clause's order by default (ASC NULLS FIRST, DESC NULLS LAST).
    RelFieldCollation order = dedup.keepLast()
        ? new RelFieldCollation(dedup.timeIndex(), RelFieldCollation.Direction.DESCENDING,
            RelFieldCollation.NullDirection.LAST)
        : new RelFieldCollation(dedup.timeIndex(), RelFieldCollation.Direction.ASCENDING,
            RelFieldCollation.NullDirection.FIRST);
    return new StreamPhysicalRank(dedup.getCluster(), dedup.getTraitSet(), dedup.getInput(),
        dedup.keys(), List.of(order), new RankRange(1, 1, false), dedup.getRowType());
  }
}
