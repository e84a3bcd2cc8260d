package io.strom.planner.plan.optimize;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.ProjectJoinTransposeRule;

/**
 * The rules that push projections down the logical plan, so that every node (above all the
 * stateful ones, whose state holds whole rows) carries only the columns something above it reads.
 *
 * <p>Only column references move down, never expressions: an expression stays where the query
 * computes it, so a non-deterministic one ({@code RAND()}, {@code PROCTIME()}) is neither copied
 * nor evaluated at another point, and a time attribute keeps its type.
 *
 * <p>A lateral table function's correlate stays as it is (its arguments read the left row through
 * correlation variables, which its conversion takes apart in the shape SQL-to-rel conversion gave
 * them); a join {@code FOR SYSTEM_TIME AS OF} has its probe side pruned by a rule that keeps that
 * shape.
 */
final class ProjectionPruning {
  private ProjectionPruning() {}

  /** Through both sides of a join; its condition's columns stay. */
  private static final RelOptRule PROJECT_JOIN_TRANSPOSE =
      ProjectJoinTransposeRule.Config.DEFAULT.withPreserveExprCondition(expression -> false).toRule();

  static final List<RelOptRule> RULES =
      List.of(
          CoreRules.PROJECT_FILTER_TRANSPOSE,
          PROJECT_JOIN_TRANSPOSE,
          CoreRules.PROJECT_SET_OP_TRANSPOSE,
          CoreRules.PROJECT_WINDOW_TRANSPOSE,
          ProjectWindowTableFunctionTransposeRule.INSTANCE,
          ProjectWatermarkAssignerTransposeRule.INSTANCE,
          ProjectSnapshotCorrelateTransposeRule.INSTANCE,
          SingleEvaluationProjectMergeRule.INSTANCE,
          CoreRules.PROJECT_REMOVE);
}
