package io.strom.planner.plan.optimize;

import io.strom.planner.calcite.StromRelBuilder;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.PruneEmptyRules;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.sql2rel.RelDecorrelator;

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
              singleEvaluation(List.of(
                  CoreRules.PROJECT_REMOVE,
                  // Merges of projections and calcs, and filters moving below projections, never
                  // evaluate a non-deterministic expression (RAND(), NOW()) more than once per row.
                  SingleEvaluationProjectMergeRule.INSTANCE,
                  CoreRules.FILTER_MERGE,
                  // UNION (distinct) is a GROUP BY over all columns of a UNION ALL.
                  CoreRules.UNION_TO_DISTINCT)))
          // OVER in a SELECT list becomes a window node of its own, so a filter on its result
          // (WHERE rn <= N) stays above it and Top-N is recognized from that shape.
          .addRuleInstance(singleEvaluation(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW))
          // Filters move towards the scan before projections and filters become calcs, so each
          // stateless run of operators collapses into a single calc. A filter over a join (the
          // comma syntax: FROM a, b WHERE a.id = b.id) becomes its condition, so the join is keyed
          // by the equalities instead of comparing every pair.
          .addRuleCollection(
              singleEvaluation(List.of(
                  SingleEvaluationFilterProjectTransposeRule.INSTANCE,
                  CoreRules.FILTER_MERGE,
                  CoreRules.FILTER_INTO_JOIN,
                  CoreRules.JOIN_CONDITION_PUSH,
                  // CAST(a.id AS BIGINT) = b.id: the cast is computed below the join, a key.
                  CoreRules.JOIN_PUSH_EXPRESSIONS)))
          // Constant expressions are computed once here, by the generated code that would compute
          // them per row (GeneratedCodeExecutor), after filters have merged and moved so that
          // every condition is seen whole: WHERE 1 = 2 becomes no rows, and what is left of a
          // query over no rows goes away with it. Before calcs, whose programs the rules below
          // would otherwise have to take apart. A VALUES clause with an expression in a row
          // arrives as a union of one-row projections: once its rows are literals they become one
          // Values again, so they are produced in the order written.
          .addRuleCollection(
              singleEvaluation(List.of(
                  CoreRules.FILTER_REDUCE_EXPRESSIONS,
                  CoreRules.PROJECT_REDUCE_EXPRESSIONS,
                  CoreRules.JOIN_REDUCE_EXPRESSIONS,
                  PruneEmptyRules.FILTER_INSTANCE,
                  PruneEmptyRules.PROJECT_INSTANCE,
                  PruneEmptyRules.UNION_INSTANCE,
                  ConstantRowsUnionToValuesRule.INSTANCE)))
          // Columns nothing above reads are dropped as low as they can go, as in Flink: through
          // filters, joins, unions, OVER windows, window table functions and watermark assigners.
          // Stateful nodes (joins above all) then hold only what the query needs, and the calcs
          // that result reach the scans, which read fewer fields.
          // After filters have moved and constants are reduced, so each projection sees the final
          // conditions; before calcs, which these rules do not take apart.
          .addRuleCollection(singleEvaluation(ProjectionPruning.RULES))
          // Stateless steps become calcs and merge: one generated function per chain of them.
          .addRuleCollection(
              singleEvaluation(List.of(
                  CoreRules.FILTER_TO_CALC,
                  CoreRules.PROJECT_TO_CALC,
                  SingleEvaluationCalcMergeRule.INSTANCE,
                  CoreRules.CALC_REMOVE)))
          .build();

  /** Subqueries (IN, EXISTS, scalar) become joins, first correlated ones, then decorrelated. */
  private static final HepProgram SUBQUERIES =
      new HepProgramBuilder()
          .addRuleCollection(
              singleEvaluation(List.of(
                  CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
                  CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE,
                  CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)))
          .build();

  /**
   * {@code rules}, building what they produce with {@link StromRelBuilder}: a rule that projects on
   * top of a projection (reducing its expressions, pushing it into a union's inputs) would
   * otherwise merge the two even where that evaluates a non-deterministic expression twice.
   */
  private static List<RelOptRule> singleEvaluation(List<RelOptRule> rules) {
    return rules.stream().map(LogicalRewrites::singleEvaluation).toList();
  }

  private static RelOptRule singleEvaluation(RelOptRule rule) {
    return rule instanceof RelRule<?> configured
            && configured.config.relBuilderFactory() != StromRelBuilder.FACTORY
        ? configured.config.withRelBuilderFactory(StromRelBuilder.FACTORY).toRule()
        : rule;
  }

  /**
   * Rewrites {@code logical}; constant expressions are evaluated by {@code constants}, which
   * becomes the executor of the plan's cluster.
   */
  public static RelNode rewrite(RelNode logical, RexExecutor constants) {
    logical.getCluster().getPlanner().setExecutor(constants);
    return rewrite(logical);
  }

  private static RelNode rewrite(RelNode logical) {
    RelNode withoutSubQueries = run(SUBQUERIES, logical);
    RelNode decorrelated =
        RelDecorrelator.decorrelateQuery(
            withoutSubQueries,
            RelFactories.LOGICAL_BUILDER.create(logical.getCluster(), null));
    return run(PROGRAM, decorrelated);
  }

  private static RelNode run(HepProgram program, RelNode root) {
    HepPlanner planner = new HepPlanner(program);
    planner.setRoot(root);
    return planner.findBestExp();
  }
}
