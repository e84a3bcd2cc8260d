package io.strom.planner.plan.optimize;

import io.strom.planner.calcite.NonDeterministicInlining;
import io.strom.planner.calcite.StromRelBuilder;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.ProjectMergeRule;

/**
 * Calcite's project merge, except when the upper projection reads a non-deterministic expression
 * of the lower one more than once: merged, each read would evaluate it anew, so {@code SELECT r, r
 * FROM (SELECT RAND() AS r ...)} would give two different values. As Flink's project merge.
 */
final class SingleEvaluationProjectMergeRule extends ProjectMergeRule {
  static final SingleEvaluationProjectMergeRule INSTANCE =
      new SingleEvaluationProjectMergeRule(
          CoreRules.PROJECT_MERGE.config
              .withRelBuilderFactory(StromRelBuilder.FACTORY)
              .as(Config.class));

  private SingleEvaluationProjectMergeRule(Config config) {
    super(config);
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    Project top = call.rel(0);
    Project bottom = call.rel(1);
    return super.matches(call)
        && !NonDeterministicInlining.repeats(top.getProjects(), bottom.getProjects());
  }
}
