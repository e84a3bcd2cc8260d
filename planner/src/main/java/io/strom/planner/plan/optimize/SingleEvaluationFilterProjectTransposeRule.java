package io.strom.planner.plan.optimize;

import io.strom.planner.calcite.NonDeterministicInlining;
import io.strom.planner.calcite.StromRelBuilder;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.FilterProjectTransposeRule;

/**
 * Calcite's filter-below-projection move, except for a condition that reads a non-deterministic
 * column of the projection: below it, the condition would evaluate {@code RAND()} itself while the
 * projection still computes its own, so {@code SELECT r ... WHERE r > 0.5} could return an
 * {@code r} of 0.2. The filter then stays above, reading the one value the projection computed.
 */
final class SingleEvaluationFilterProjectTransposeRule extends FilterProjectTransposeRule {
  static final SingleEvaluationFilterProjectTransposeRule INSTANCE =
      new SingleEvaluationFilterProjectTransposeRule(
          CoreRules.FILTER_PROJECT_TRANSPOSE.config
              .withRelBuilderFactory(StromRelBuilder.FACTORY)
              .as(Config.class));

  private SingleEvaluationFilterProjectTransposeRule(Config config) {
    super(config);
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    Project project = call.rel(1);
    return super.matches(call)
        && !NonDeterministicInlining.reads(filter.getCondition(), project.getProjects());
  }
}
