package io.strom.planner.plan.physical;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexLiteral;

/** The literal rows of a {@code VALUES} clause, produced once. */
public final class StreamPhysicalValues extends Values implements StreamPhysicalRel {

  public StreamPhysicalValues(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelDataType rowType,
      ImmutableList<ImmutableList<RexLiteral>> tuples) {
    super(cluster, List.of(), rowType, tuples, traits);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalValues(getCluster(), traitSet, getRowType(), getTuples());
  }

  @Override
  public String planName() {
    return "Values";
  }
}
