package io.strom.planner.plan.physical;

import io.strom.planner.ValidationException;
import io.strom.runtime.sql.window.SqlWindow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * The planning rules of SESSION windows. The SESSION table function gives each row its own
 * session, {@code [time, time + gap)}; only the session window aggregation that merges them knows
 * the real sessions. So SESSION must feed a window aggregation, and the window columns may only
 * be passed on to it, never computed with or filtered on before it.
 */
final class SessionWindows {
  private SessionWindows() {}

  private static final String ONLY_IN_AGGREGATION = "SESSION windows can only be used in a window"
      + " aggregation (GROUP BY window_start, window_end, ...) yet";

  /** The grouping fields other than the window's: the key sessions are formed per. */
  static int[] keysBesidesWindow(int[] grouping, int startKey, int endKey, int timeKey) {
    List<Integer> keys = new ArrayList<>();
    for (int k = 0; k < grouping.length; k++) {
      if (k != startKey && k != endKey && k != timeKey) {
        keys.add(grouping[k]);
      }
    }
    return keys.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Refuses calculations between the SESSION function and its aggregation that read the window
   * columns other than by passing them on.
   */
  static void checkWindowColumnsPassedThrough(
      RelNode node, StreamPhysicalWindowTableFunction function) {
    while (node != function) {
      if (node instanceof StreamPhysicalCalc calc && computesWithWindowColumns(calc, function)) {
        throw new ValidationException(ONLY_IN_AGGREGATION + ": a session's window_start,"
            + " window_end and window_time are known only once its rows are aggregated, so"
            + " they cannot be filtered on or computed with before the GROUP BY");
      }
      if (node.getInputs().size() != 1) {
        throw new IllegalStateException("Bug: no single path from a session aggregation to SESSION");
      }
      node = node.getInput(0);
    }
  }

  /**
   * Whether {@code calc} filters on or computes with the window columns of {@code function},
   * rather than only passing them on.
   */
  static boolean computesWithWindowColumns(
      StreamPhysicalCalc calc, StreamPhysicalWindowTableFunction function) {
    ImmutableBitSet windowFields = windowFields(calc.getInput(), function);
    RexProgram program = calc.getProgram();
    List<RexNode> computed = new ArrayList<>();
    if (program.getCondition() != null) {
      computed.add(program.expandLocalRef(program.getCondition()));
    }
    for (org.apache.calcite.rex.RexLocalRef project : program.getProjectList()) {
      RexNode expr = program.expandLocalRef(project);
      if (!(expr instanceof RexInputRef)) {
        computed.add(expr);
      }
    }
    for (RexNode expr : computed) {
      if (RelOptUtil.InputFinder.bits(expr).intersects(windowFields)) {
        return true;
      }
    }
    return false;
  }

  private static ImmutableBitSet windowFields(RelNode node, StreamPhysicalWindowTableFunction function) {
    ImmutableBitSet.Builder fields = ImmutableBitSet.builder();
    for (int i = 0; i < node.getRowType().getFieldCount(); i++) {
      WindowTableFunctions.Origin origin = WindowTableFunctions.origin(node, i);
      if (origin != null && origin.function() == function) {
        fields.set(i);
      }
    }
    return fields.build();
  }

  /** Refuses a SESSION function whose rows reach anything but a session window aggregation. */
  static void checkPlacement(RelNode root) {
    Set<RelNode> aggregated = Collections.newSetFromMap(new IdentityHashMap<>());
    collectAggregated(root, aggregated);
    checkAggregated(root, aggregated);
  }

  private static void collectAggregated(RelNode node, Set<RelNode> aggregated) {
    if (node instanceof StreamPhysicalWindowAggregate aggregate && aggregate.isSession()) {
      RelNode below = aggregate.getInput();
      while (!(below instanceof StreamPhysicalWindowTableFunction) && below.getInputs().size() == 1) {
        below = below.getInput(0);
      }
      aggregated.add(below);
    }
    for (RelNode input : node.getInputs()) {
      collectAggregated(input, aggregated);
    }
  }

  private static void checkAggregated(RelNode node, Set<RelNode> aggregated) {
    if (node instanceof StreamPhysicalWindowTableFunction function
        && function.window().kind() == SqlWindow.Kind.SESSION
        && !aggregated.contains(function)) {
      throw new ValidationException(ONLY_IN_AGGREGATION + "; this query reads the rows of SESSION"
          + " directly or ranks them");
    }
    for (RelNode input : node.getInputs()) {
      checkAggregated(input, aggregated);
    }
  }
}
