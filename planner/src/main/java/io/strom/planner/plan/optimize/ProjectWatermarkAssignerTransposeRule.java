package io.strom.planner.plan.optimize;

import io.strom.planner.plan.logical.LogicalWatermarkAssigner;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Rule that moves a projection below a table's watermark assigner: the assigner's input keeps the
 * columns the projection reads plus the rowtime column and those its watermark expression reads,
 * so unused columns (and unused computed columns such as {@code PROCTIME()}) are dropped before
 * the assigner and the projection can reach the scan.
 */
public final class ProjectWatermarkAssignerTransposeRule extends RelOptRule {
  public static final ProjectWatermarkAssignerTransposeRule INSTANCE =
      new ProjectWatermarkAssignerTransposeRule();

  private ProjectWatermarkAssignerTransposeRule() {
    super(
        operand(LogicalProject.class, operand(LogicalWatermarkAssigner.class, any())),
        "ProjectWatermarkAssignerTransposeRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    LogicalWatermarkAssigner assigner = call.rel(1);
    RelNode input = assigner.getInput();
    int count = input.getRowType().getFieldCount();
    ImmutableBitSet used =
        ImmutableBitSet.builder()
            .addAll(RelOptUtil.InputFinder.bits(project.getProjects(), null))
            .addAll(RelOptUtil.InputFinder.bits(assigner.watermarkExpression()))
            .set(assigner.rowtimeIndex())
            .build();
    if (used.cardinality() == count) {
      return;
    }
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, count, used.cardinality());
    int target = 0;
    for (int field : used) {
      mapping.set(field, target++);
    }
    RexPermuteInputsShuttle shuttle = RexPermuteInputsShuttle.of(mapping);

    RelBuilder builder = call.builder();
    RelNode narrowInput = builder.push(input).project(builder.fields(used.asList())).build();
    LogicalWatermarkAssigner narrowAssigner =
        LogicalWatermarkAssigner.create(
            narrowInput,
            mapping.getTarget(assigner.rowtimeIndex()),
            assigner.watermarkExpression().accept(shuttle));
    List<RexNode> projects = new ArrayList<>();
    for (RexNode expression : project.getProjects()) {
      projects.add(expression.accept(shuttle));
    }
    call.transformTo(
        builder
            .push(narrowAssigner)
            .project(projects, project.getRowType().getFieldNames())
            .build());
  }
}
