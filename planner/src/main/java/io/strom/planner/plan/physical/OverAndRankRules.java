package io.strom.planner.plan.physical;

import io.strom.planner.ValidationException;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rex.RexOver;

/**
 * Plans what SQL writes with {@code OVER}: a calc that filters the row numbers of a window becomes
 * a Top-N, a deduplication or a window Top-N ({@link RankConversion}); any other window becomes an
 * OVER aggregation ({@link OverAggregateConversion}). OVER that reaches a calc unconverted is
 * refused here, at planning time.
 */
public final class OverAndRankRules {
  private OverAndRankRules() {}

  /** The physical plan of {@code logical} when it is one of these forms, else null. */
  public static StreamPhysicalRel convert(RelNode logical, RelTraitSet traits) {
    if (logical instanceof LogicalCalc calc) {
      if (RexOver.containsOver(calc.getProgram())) {
        throw new ValidationException(
            "OVER is supported only in the SELECT list of a query over one table, not here: "
                + calc.getProgram());
      }
      if (calc.getInput() instanceof LogicalWindow window) {
        return RankConversion.convert(calc, window, traits);
      }
      return null;
    }
    if (logical instanceof LogicalWindow window) {
      return OverAggregateConversion.convert(window, traits);
    }
    return null;
  }
}
