package io.strom.planner.plan.logical;

import io.strom.codegen.types.StromTypeFactory;
import io.strom.types.TimestampKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;

/**
 * Assigns event time and watermarks to the rows of its input: the rowtime field becomes the event
 * time attribute, and the watermark expression over each row gives the watermark. Placed right after
 * the scan of a table that declares {@code WATERMARK FOR}.
 */
public final class LogicalWatermarkAssigner extends SingleRel {
  private final int rowtimeIndex;
  private final RexNode watermarkExpression;

  public LogicalWatermarkAssigner(
      RelOptCluster cluster, RelTraitSet traits, RelNode input, int rowtimeIndex, RexNode watermark) {
    super(cluster, traits, input);
    this.rowtimeIndex = rowtimeIndex;
    this.watermarkExpression = watermark;
  }

  public static LogicalWatermarkAssigner create(RelNode input, int rowtimeIndex, RexNode watermark) {
    return new LogicalWatermarkAssigner(
        input.getCluster(), input.getTraitSet(), input, rowtimeIndex, watermark);
  }

  public int rowtimeIndex() {
    return rowtimeIndex;
  }

  public RexNode watermarkExpression() {
    return watermarkExpression;
  }

  @Override
  protected RelDataType deriveRowType() {
    RelDataType inputType = getInput().getRowType();
    List<RelDataType> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (RelDataTypeField field : inputType.getFieldList()) {
      RelDataType type = field.getType();
      if (field.getIndex() == rowtimeIndex) {
        type =
            ((StromTypeFactory) getCluster().getTypeFactory())
                .createTimeAttributeType(
                    type.getSqlTypeName(), type.getPrecision(), TimestampKind.ROWTIME, type.isNullable());
      }
      types.add(type);
      names.add(field.getName());
    }
    return getCluster().getTypeFactory().createStructType(types, names);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new LogicalWatermarkAssigner(
        getCluster(), traitSet, sole(inputs), rowtimeIndex, watermarkExpression);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("rowtime", getInput().getRowType().getFieldNames().get(rowtimeIndex))
        .item("watermark", watermarkExpression);
  }
}
