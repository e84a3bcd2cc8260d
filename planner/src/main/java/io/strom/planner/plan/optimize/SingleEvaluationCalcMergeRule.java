package io.strom.planner.plan.optimize;

import io.strom.planner.calcite.NonDeterministicInlining;
import io.strom.planner.calcite.StromRelBuilder;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.core.Calc;
import org.apache.calcite.rel.rules.CalcMergeRule;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * Calcite's calc merge, except when the upper calc (its condition and its outputs together) reads
 * a non-deterministic output of the lower one more than once. The generated code computes each
 * output and the condition from the expanded expressions, so a merge would evaluate {@code RAND()}
 * once for {@code WHERE r > 0.5} and again for {@code SELECT r}. As Flink's calc merge.
 */
final class SingleEvaluationCalcMergeRule extends CalcMergeRule {
  static final SingleEvaluationCalcMergeRule INSTANCE =
      new SingleEvaluationCalcMergeRule(
          CoreRules.CALC_MERGE.config
              .withRelBuilderFactory(StromRelBuilder.FACTORY)
              .as(Config.class));

  private SingleEvaluationCalcMergeRule(Config config) {
    super(config);
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    Calc top = call.rel(0);
    Calc bottom = call.rel(1);
    List<RexNode> reads = new ArrayList<>(outputs(top.getProgram()));
    if (top.getProgram().getCondition() != null) {
      reads.add(top.getProgram().expandLocalRef(top.getProgram().getCondition()));
    }
    return super.matches(call)
        && !NonDeterministicInlining.repeats(reads, outputs(bottom.getProgram()));
  }

  private static List<RexNode> outputs(RexProgram program) {
    return program.getProjectList().stream().map(program::expandLocalRef).toList();
  }
}
