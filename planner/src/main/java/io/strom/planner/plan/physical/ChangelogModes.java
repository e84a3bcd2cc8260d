package io.strom.planner.plan.physical;

import io.strom.connector.ChangelogMode;
import io.strom.data.RowKind;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;

/**
 * Which changes each node of a physical plan emits: sources say what they produce (an upsert
 * source counts as a full changelog, see {@link #isUpsert}); stateless nodes (calcs, watermark
 * assigners, correlates) pass on what they receive, keeping each row's kind.
 */
public final class ChangelogModes {
  private final Map<RelNode, ChangelogMode> modes = new IdentityHashMap<>();
  private final Set<RelNode> withoutUpdateBefore = Collections.newSetFromMap(new IdentityHashMap<>());

  private ChangelogModes() {}

  /** Infers the mode of every node of {@code root}, asking {@code sources} about scans. */
  public static ChangelogModes infer(
      StreamPhysicalRel root, Function<StreamPhysicalTableSourceScan, ChangelogMode> sources) {
    return infer(root, sources, true);
  }

  /**
   * Infers the modes for a consumer of {@code root} that does or does not need the old row of an
   * update ({@code -U}): an upsert sink does not, so the aggregation feeding it emits only
   * {@code +U} (operators that retract from their state, like aggregations and joins, always
   * need {@code -U} from their inputs).
   */
  public static ChangelogModes infer(
      StreamPhysicalRel root,
      Function<StreamPhysicalTableSourceScan, ChangelogMode> sources,
      boolean rootNeedsUpdateBefore) {
    ChangelogModes result = new ChangelogModes();
    result.markUpdateBefore(root, rootNeedsUpdateBefore);
    result.visit(root, sources);
    return result;
  }

  /**
   * Whether {@code node} (an aggregation, Top-N, deduplication or OVER aggregation) emits {@code
   * +U} without {@code -U}.
   */
  public boolean dropsUpdateBefore(RelNode aggregate) {
    return withoutUpdateBefore.contains(aggregate);
  }

  private void markUpdateBefore(RelNode node, boolean needed) {
    boolean passesOn = node instanceof StreamPhysicalCalc
        || node instanceof StreamPhysicalExpand
        || node instanceof StreamPhysicalCorrelate
        || node instanceof StreamPhysicalLookupJoin
        || node instanceof StreamPhysicalExchange
        || node instanceof StreamPhysicalUnion
        || node instanceof StreamPhysicalWatermarkAssigner;
    boolean canDrop = node instanceof StreamPhysicalGroupAggregate
        || node instanceof StreamPhysicalGlobalGroupAggregate
        || node instanceof StreamPhysicalRank
        || node instanceof StreamPhysicalDeduplicate
        || node instanceof StreamPhysicalOverAggregate;
    if (canDrop && !needed) {
      withoutUpdateBefore.add(node);
    }
    if (node instanceof StreamPhysicalTemporalJoin join) {
      // Left rows pass on with their kinds; of the versioned table only the new versions count.
      markUpdateBefore(join.getLeft(), needed);
      markUpdateBefore(join.getRight(), false);
      return;
    }
    for (RelNode input : node.getInputs()) {
      markUpdateBefore(input, passesOn ? needed : true);
    }
  }

  private ChangelogMode visit(
      RelNode node, Function<StreamPhysicalTableSourceScan, ChangelogMode> sources) {
    ChangelogMode mode;
    if (node instanceof StreamPhysicalTableSourceScan scan) {
      mode = sources.apply(scan);
      if (isUpsert(mode)) {
        // The translator follows such a scan with a normalization that adds the before-images.
        mode = ChangelogMode.all();
      }
    } else if (node instanceof StreamPhysicalValues) {
      mode = ChangelogMode.insertOnly();
    } else if (node instanceof StreamPhysicalCalc || node instanceof StreamPhysicalWatermarkAssigner
        || node instanceof StreamPhysicalExpand) {
      mode = visit(node.getInput(0), sources);
    } else if (node instanceof StreamPhysicalWindowTableFunction) {
      mode = visit(node.getInput(0), sources);
    } else if (node instanceof StreamPhysicalCorrelate
        || node instanceof StreamPhysicalLookupJoin) {
      // Each joined row keeps its input row's kind, as in Flink; a lookup join's table is
      // insert-only (see LookupTables) and never revises what was joined.
      mode = visit(node.getInput(0), sources);
    } else if (node instanceof StreamPhysicalWindowAggregate) {
      visit(node.getInput(0), sources);
      // One final row per window and key, once time has passed the window.
      mode = ChangelogMode.insertOnly();
    } else if (node instanceof StreamPhysicalIntervalJoin) {
      for (RelNode input : node.getInputs()) {
        if (!visit(input, sources).containsOnly(RowKind.INSERT)) {
          StreamPhysicalRel origin = originOfChanges((StreamPhysicalRel) input);
          throw new io.strom.planner.ValidationException(
              "IntervalJoin doesn't support consuming update and delete changes which is produced"
                  + " by node " + (origin == null ? "a source of changes" : origin.planName())
                  + ". An interval join needs insert-only inputs; without the time bounds in its"
                  + " condition it runs as a regular join");
        }
      }
      // Each pair once, and each unmatched outer row once when its bound has passed.
      mode = ChangelogMode.insertOnly();
    } else if (node instanceof StreamPhysicalWindowJoin) {
      for (RelNode input : node.getInputs()) {
        if (!visit(input, sources).containsOnly(RowKind.INSERT)) {
          StreamPhysicalRel origin = originOfChanges((StreamPhysicalRel) input);
          throw new io.strom.planner.ValidationException(
              "WindowJoin doesn't support consuming update and delete changes which is produced"
                  + " by node " + (origin == null ? "a source of changes" : origin.planName())
                  + ". A window join needs insert-only inputs");
        }
      }
      // Each window's pairs and padded rows once, when the window fires.
      mode = ChangelogMode.insertOnly();
    } else if (node instanceof StreamPhysicalTemporalJoin join) {
      visit(join.getRight(), sources);
      // Each left row once, with its own kind, when the watermark passes it.
      mode = visit(join.getLeft(), sources);
    } else if (node instanceof StreamPhysicalJoin join) {
      ChangelogMode left = visit(join.getLeft(), sources);
      ChangelogMode right = visit(join.getRight(), sources);
      if (join.getJoinType() == org.apache.calcite.rel.core.JoinRelType.INNER) {
        java.util.Set<RowKind> kinds = java.util.EnumSet.copyOf(left.kinds());
        kinds.addAll(right.kinds());
        mode = new ChangelogMode(kinds);
      } else {
        // Rows padded with NULLs come and go as matches arrive and leave.
        mode = ChangelogMode.of(RowKind.INSERT, RowKind.DELETE);
      }
    } else if (OverAndRankModes.handles(node)) {
      mode = OverAndRankModes.of(node, visit(node.getInput(0), sources));
    } else if (node instanceof StreamPhysicalExchange) {
      mode = visit(node.getInput(0), sources);
    } else if (node instanceof StreamPhysicalGroupAggregate) {
      // A key's result changes with each row; it disappears only when all its rows are retracted.
      boolean retracting = !visit(node.getInput(0), sources).containsOnly(RowKind.INSERT);
      mode = retracting
          ? ChangelogMode.all()
          : ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);

    } else if (node instanceof StreamPhysicalLocalGroupAggregate) {
      visit(node.getInput(0), sources);
      // Partial accumulators, one insert per key and mini-batch.
      mode = ChangelogMode.insertOnly();
    } else if (node instanceof StreamPhysicalGlobalGroupAggregate global) {
      visit(node.getInput(0), sources);
      // As a one-phase aggregation: a key disappears only when its rows are all retracted.
      mode = global.retraction()
          ? ChangelogMode.all()
          : ChangelogMode.of(RowKind.INSERT, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER);
    } else if (node instanceof StreamPhysicalUnion) {
      java.util.Set<io.strom.data.RowKind> kinds = java.util.EnumSet.noneOf(io.strom.data.RowKind.class);
      for (RelNode input : node.getInputs()) {
        kinds.addAll(visit(input, sources).kinds());
      }
      mode = new ChangelogMode(kinds);
    } else {
      throw new IllegalStateException("Bug: no changelog mode rule for " + node.getRelTypeName());
    }
    if (withoutUpdateBefore.contains(node)) {
      mode = mode.without(RowKind.UPDATE_BEFORE);
    }
    modes.put(node, mode);
    return mode;
  }

  /**
   * True when a source's rows are upserts by its primary key ({@code +U} without {@code -U}), which
   * the translator normalizes into a full changelog right after the scan.
   */
  public static boolean isUpsert(ChangelogMode sourceMode) {
    return sourceMode.contains(RowKind.UPDATE_AFTER) && !sourceMode.contains(RowKind.UPDATE_BEFORE);
  }

  /**
   * The node of {@code root}'s plan where changes other than inserts first appear (its inputs are
   * insert-only, it is not), or null when the plan is insert-only or its sources already update.
   */
  public StreamPhysicalRel originOfChanges(StreamPhysicalRel root) {
    if (of(root).containsOnly(RowKind.INSERT)) {
      return null;
    }
    boolean inputsInsertOnly = true;
    for (RelNode input : root.getInputs()) {
      StreamPhysicalRel origin = originOfChanges((StreamPhysicalRel) input);
      if (origin != null) {
        return origin;
      }
      inputsInsertOnly &= of(input).containsOnly(RowKind.INSERT);
    }
    return inputsInsertOnly && !root.getInputs().isEmpty() ? root : null;
  }

  public ChangelogMode of(RelNode node) {
    ChangelogMode mode = modes.get(node);
    if (mode == null) {
      throw new IllegalStateException("Bug: no changelog mode for " + node.getRelTypeName());
    }
    return mode;
  }
}
