package io.strom.planner.plan.optimize;

import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.rules.CoreRules;

/**
 * The logical rewrites every query goes through, in order. Each step is a group of Calcite rules
 * applied until nothing changes; the comment says why it sits where it does.
 */
public final class LogicalRewrites {
  private LogicalRewrites() {}

  private static final HepProgram PROGRAM =
      new HepProgramBuilder()
          // First remove what SQL-to-rel conversion leaves behind (identity projections), so later
          // rules see the real shape of the query.
          .addMatchOrder(HepMatchOrder.BOTTOM_UP)
          .addRuleCollection(
              java.util.List.of(
                  CoreRules.PROJECT_REMOVE,
                  CoreRules.PROJECT_MERGE,
                  CoreRules.FILTER_MERGE,
                  // UNION (distinct) is a GROUP BY over all columns of a UNION ALL.
                  CoreRules.UNION_TO_DISTINCT))
          // OVER in a SELECT list becomes a window node of its own, so a filter on its result
          // (WHERE rn <= N) stays above it and Top-N is recognized from that shape.
          .addRuleInstance(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)
          // Filters move towards the scan before projections and filters become calcs, so each
          // stateless run of operators collapses into a single calc.
          .addRuleCollection(
              java.util.List.of(CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_MERGE))
          // Stateless steps become calcs and merge: one generated function per chain of them.
          .addRuleCollection(
              java.util.List.of(
                  CoreRules.FILTER_TO_CALC,
                  CoreRules.PROJECT_TO_CALC,
                  CoreRules.CALC_MERGE,
                  CoreRules.CALC_REMOVE))
          .build();

  public static RelNode rewrite(RelNode logical) {
    HepPlanner planner = new HepPlanner(PROGRAM);
    planner.setRoot(logical);
    return planner.findBestExp();
  }
}
