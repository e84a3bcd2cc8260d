package io.strom.planner.plan.physical;

import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A group aggregation over a stream (GROUP BY, DISTINCT, global aggregates): per key it keeps
 * accumulators and emits the key's result each time it changes, as an updating changelog. Its
 * input is exchanged by the grouping keys.
 */
public final class StreamPhysicalGroupAggregate extends SingleRel implements StreamPhysicalRel {
  private final int[] grouping;
  private final List<AggregateCall> calls;

  public StreamPhysicalGroupAggregate(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      int[] grouping,
      List<AggregateCall> calls,
      RelDataType rowType) {
    super(cluster, traits, input);
    this.grouping = grouping.clone();
    this.calls = List.copyOf(calls);
    this.rowType = rowType;
  }

  /** The input fields that make the key; they lead the output row. */
  public int[] grouping() {
    return grouping.clone();
  }

  public List<AggregateCall> calls() {
    return calls;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalGroupAggregate(
        getCluster(), traitSet, sole(inputs), grouping, calls, rowType);
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public String planName() {
    return "GroupAggregate";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    String[] terms = AggregateCalls.groupByAndSelect(
        grouping, calls, getInput().getRowType().getFieldNames(), getRowType().getFieldNames());
    RelWriter w = super.explainTerms(pw);
    if (grouping.length > 0) {
      w = w.item("groupBy", terms[0]);
    }
    return w.item("select", terms[1]);
  }
}
