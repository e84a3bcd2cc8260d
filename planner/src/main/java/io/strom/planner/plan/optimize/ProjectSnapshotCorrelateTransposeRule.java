package io.strom.planner.plan.optimize;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalSnapshot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Rule that moves a projection into the probe side of a join {@code FOR SYSTEM_TIME AS OF}
 * (temporal and lookup joins), which Calcite writes as a correlate whose right side filters a
 * snapshot: the left side keeps the columns the projection reads plus those the join condition
 * and the {@code AS OF} time read, so the join holds no others in its state. The right side keeps
 * its shape (filter over snapshot), which the temporal and lookup join conversions take apart;
 * only its references to the left row are renumbered.
 */
public final class ProjectSnapshotCorrelateTransposeRule extends RelOptRule {
  public static final ProjectSnapshotCorrelateTransposeRule INSTANCE =
      new ProjectSnapshotCorrelateTransposeRule();

  private ProjectSnapshotCorrelateTransposeRule() {
    super(
        operand(
            LogicalProject.class,
            operand(LogicalCorrelate.class,
                operand(RelNode.class, any()),
                operand(LogicalFilter.class, operand(LogicalSnapshot.class, any())))),
        "ProjectSnapshotCorrelateTransposeRule");
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    LogicalCorrelate correlate = call.rel(1);
    LogicalFilter filter = call.rel(3);
    LogicalSnapshot snapshot = call.rel(4);
    RelNode left = correlate.getLeft();
    int leftCount = left.getRowType().getFieldCount();
    int rightCount = correlate.getRight().getRowType().getFieldCount();
    ImmutableBitSet used =
        RelOptUtil.InputFinder.bits(project.getProjects(), null)
            .intersect(ImmutableBitSet.range(leftCount))
            .union(correlate.getRequiredColumns())
            // Earlier rewrites may leave a correlation use the required columns do not list (an
            // expression key moved into the left side): keep every field the right side reads.
            .union(RelOptUtil.correlationColumns(correlate.getCorrelationId(), correlate.getRight()))
            .union(leftFieldsRead(correlate.getCorrelationId(), snapshot.getPeriod()));
    if (used.cardinality() == leftCount) {
      return;
    }
    int kept = used.cardinality();
    Mapping leftMapping = Mappings.create(MappingType.INVERSE_SURJECTION, leftCount, kept);
    Mapping outputMapping =
        Mappings.create(MappingType.INVERSE_SURJECTION, leftCount + rightCount, kept + rightCount);
    int target = 0;
    for (int field : used) {
      leftMapping.set(field, target);
      outputMapping.set(field, target++);
    }
    for (int field = 0; field < rightCount; field++) {
      outputMapping.set(leftCount + field, kept + field);
    }

    RelBuilder builder = call.builder();
    RelNode narrowLeft = builder.push(left).project(builder.fields(used.asList())).build();
    LeftRowRenumbering renumbering =
        new LeftRowRenumbering(
            correlate.getCorrelationId(),
            correlate.getCluster().getRexBuilder(),
            narrowLeft.getRowType(),
            leftMapping);
    LogicalSnapshot narrowSnapshot =
        LogicalSnapshot.create(snapshot.getInput(), snapshot.getPeriod().accept(renumbering));
    LogicalFilter narrowFilter =
        LogicalFilter.create(
            narrowSnapshot, filter.getCondition().accept(renumbering),
            ImmutableSet.copyOf(filter.getVariablesSet()));
    LogicalCorrelate narrowCorrelate =
        correlate.copy(
            correlate.getTraitSet(),
            narrowLeft,
            narrowFilter,
            correlate.getCorrelationId(),
            // The right side now reads the narrow row's fields.
            RelOptUtil.correlationColumns(correlate.getCorrelationId(), narrowFilter)
                .union(leftFieldsRead(correlate.getCorrelationId(), narrowSnapshot.getPeriod())),
            correlate.getJoinType());
    RexPermuteInputsShuttle shuttle = RexPermuteInputsShuttle.of(outputMapping);
    List<RexNode> projects = new ArrayList<>();
    for (RexNode expression : project.getProjects()) {
      projects.add(expression.accept(shuttle));
    }
    call.transformTo(
        builder
            .push(narrowCorrelate)
            .project(projects, project.getRowType().getFieldNames())
            .build());
  }

  /**
   * The left row's fields an expression of the right side reads; the snapshot's period is one
   * such expression that Calcite's correlation finder does not visit.
   */
  private static ImmutableBitSet leftFieldsRead(CorrelationId id, RexNode expression) {
    ImmutableBitSet.Builder fields = ImmutableBitSet.builder();
    expression.accept(
        new RexShuttle() {
          @Override
          public RexNode visitFieldAccess(RexFieldAccess access) {
            if (access.getReferenceExpr() instanceof RexCorrelVariable variable
                && variable.id.equals(id)) {
              fields.set(access.getField().getIndex());
            }
            return super.visitFieldAccess(access);
          }
        });
    return fields.build();
  }

  /** Points the right side's references to the left row ({@code $cor0.field}) at the kept fields. */
  private static final class LeftRowRenumbering extends RexShuttle {
    private final CorrelationId id;
    private final RexBuilder rex;
    private final RexNode narrowRow;
    private final Mapping mapping;

    LeftRowRenumbering(CorrelationId id, RexBuilder rex, RelDataType narrowType, Mapping mapping) {
      this.id = id;
      this.rex = rex;
      this.narrowRow = rex.makeCorrel(narrowType, id);
      this.mapping = mapping;
    }

    @Override
    public RexNode visitFieldAccess(RexFieldAccess access) {
      if (access.getReferenceExpr() instanceof RexCorrelVariable variable && variable.id.equals(id)) {
        return rex.makeFieldAccess(narrowRow, mapping.getTarget(access.getField().getIndex()));
      }
      return super.visitFieldAccess(access);
    }
  }
}
