package io.strom.planner.plan.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Union;

/** {@code UNION ALL}: the rows of all inputs, in no particular order. */
public final class StreamPhysicalUnion extends Union implements StreamPhysicalRel {

  public StreamPhysicalUnion(RelOptCluster cluster, RelTraitSet traits, List<RelNode> inputs) {
    super(cluster, traits, List.of(), inputs, true);
  }

  @Override
  public SetOp copy(RelTraitSet traitSet, List<RelNode> inputs, boolean all) {
    return new StreamPhysicalUnion(getCluster(), traitSet, inputs);
  }

  @Override
  public String planName() {
    return "Union";
  }
}
