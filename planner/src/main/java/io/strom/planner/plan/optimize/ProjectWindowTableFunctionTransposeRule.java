package io.strom.planner.plan.optimize;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Rule that moves a projection below a window table function (TUMBLE, HOP, CUMULATE, SESSION):
 * the function's input keeps only the columns the projection reads plus the ones its arguments
 * name (the time column, session partition keys), so a window aggregation, rank or join over it
 * neither reads nor holds the others. The window columns the function appends stay as they are.
 */
public final class ProjectWindowTableFunctionTransposeRule extends RelOptRule {
  public static final ProjectWindowTableFunctionTransposeRule INSTANCE =
      new ProjectWindowTableFunctionTransposeRule();

  private ProjectWindowTableFunctionTransposeRule() {
    super(
        operand(LogicalProject.class, operand(LogicalTableFunctionScan.class, any())),
        "ProjectWindowTableFunctionTransposeRule");
  }

  @Override
  public boolean matches(RelOptRuleCall call) {
    LogicalTableFunctionScan scan = call.rel(1);
    return scan.getInputs().size() == 1
        && scan.getCall() instanceof RexCall function
        && function.getOperator() instanceof SqlWindowTableFunction;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    LogicalTableFunctionScan scan = call.rel(1);
    RelNode input = scan.getInputs().get(0);
    int inputCount = input.getRowType().getFieldCount();
    int scanCount = scan.getRowType().getFieldCount();
    ImmutableBitSet.Builder usedBuilder = ImmutableBitSet.builder();
    usedBuilder.addAll(RelOptUtil.InputFinder.bits(project.getProjects(), null));
    usedBuilder.addAll(RelOptUtil.InputFinder.bits(scan.getCall()));
    ImmutableBitSet usedInput = usedBuilder.build().intersect(ImmutableBitSet.range(inputCount));
    if (usedInput.cardinality() == inputCount) {
      return;
    }
    // Input columns keep their order; the window columns follow them as before.
    int kept = usedInput.cardinality();
    Mapping mapping =
        Mappings.create(MappingType.INVERSE_SURJECTION, scanCount, kept + scanCount - inputCount);
    int target = 0;
    for (int field : usedInput) {
      mapping.set(field, target++);
    }
    for (int field = inputCount; field < scanCount; field++) {
      mapping.set(field, target++);
    }
    RexPermuteInputsShuttle shuttle = RexPermuteInputsShuttle.of(mapping);

    RelBuilder builder = call.builder();
    RelNode narrowInput = builder.push(input).project(builder.fields(usedInput.asList())).build();
    // The function's own row type may differ from its input's in the time columns (a
    // processing-time attribute is not one after it), so the kept columns take their types from it.
    List<RelDataTypeField> scanFields = scan.getRowType().getFieldList();
    List<RelDataTypeField> fields = new ArrayList<>();
    for (int field : usedInput) {
      fields.add(scanFields.get(field));
    }
    fields.addAll(scanFields.subList(inputCount, scanCount));
    RelDataType rowType = scan.getCluster().getTypeFactory().createStructType(fields);
    LogicalTableFunctionScan narrowScan =
        LogicalTableFunctionScan.create(
            scan.getCluster(),
            List.of(narrowInput),
            scan.getCall().accept(shuttle),
            scan.getElementType(),
            rowType,
            null);
    List<RexNode> projects = new ArrayList<>();
    for (RexNode expression : project.getProjects()) {
      projects.add(expression.accept(shuttle));
    }
    call.transformTo(
        builder
            .push(narrowScan)
            .project(projects, project.getRowType().getFieldNames())
            .build());
  }
}
