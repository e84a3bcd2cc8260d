package io.strom.planner.plan.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;

/** Assigns event time and generates watermarks right after a scan. */
public final class StreamPhysicalWatermarkAssigner extends SingleRel implements StreamPhysicalRel {
  private final int rowtimeIndex;
  private final RexNode watermarkExpression;
  private final RelDataType rowType;

  public StreamPhysicalWatermarkAssigner(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      int rowtimeIndex,
      RexNode watermarkExpression,
      RelDataType rowType) {
    super(cluster, traits, input);
    this.rowtimeIndex = rowtimeIndex;
    this.watermarkExpression = watermarkExpression;
    this.rowType = rowType;
  }

  public int rowtimeIndex() {
    return rowtimeIndex;
  }

  public RexNode watermarkExpression() {
    return watermarkExpression;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalWatermarkAssigner(
        getCluster(), traitSet, sole(inputs), rowtimeIndex, watermarkExpression, rowType);
  }

  @Override
  public String planName() {
    return "WatermarkAssigner";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("rowtime", getRowType().getFieldNames().get(rowtimeIndex))
        .item("watermark", watermarkExpression);
  }
}
