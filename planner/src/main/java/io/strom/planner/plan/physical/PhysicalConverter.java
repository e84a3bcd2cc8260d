package io.strom.planner.plan.physical;

import io.strom.planner.ValidationException;
import io.strom.planner.plan.logical.LogicalWatermarkAssigner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalTableScan;

/**
 * Turns a rewritten logical plan into a streaming physical plan, node by node. A logical operator
 * without a streaming implementation yet is refused with a message that names it.
 */
public final class PhysicalConverter {
  private PhysicalConverter() {}

  public static StreamPhysicalRel convert(RelNode logical) {
    RelTraitSet traits = logical.getTraitSet().replace(StreamPhysicalRel.STREAM_PHYSICAL);
    if (logical instanceof LogicalTableScan scan) {
      return new StreamPhysicalTableSourceScan(scan.getCluster(), traits, scan.getTable());
    }
    if (logical instanceof LogicalCalc calc) {
      return new StreamPhysicalCalc(
          calc.getCluster(), traits, convert(calc.getInput()), calc.getProgram());
    }
    if (logical instanceof LogicalWatermarkAssigner assigner) {
      return new StreamPhysicalWatermarkAssigner(
          assigner.getCluster(),
          traits,
          convert(assigner.getInput()),
          assigner.rowtimeIndex(),
          assigner.watermarkExpression(),
          assigner.getRowType());
    }
    throw new ValidationException(
        "This query needs " + logical.getRelTypeName().replace("Logical", "")
            + ", which Strom does not run yet: this version runs projections, filters and"
            + " functions over tables (aggregations, joins and windows come next).");
  }
}
