package io.strom.planner.plan.physical;

import java.util.List;
import java.util.Optional;
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
  /** Which level of a split distinct aggregation a node is, as Flink prints it. */
  public enum PartialFinal {
    /** Not split. */
    NONE,
    /** Grouped by the keys and a bucket of the distinct values. */
    PARTIAL,
    /** Combines the partial results per key. */
    FINAL
  }

  private final int[] grouping;
  private final List<AggregateCall> calls;
  private final PartialFinal partialFinal;

  public StreamPhysicalGroupAggregate(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      int[] grouping,
      List<AggregateCall> calls,
      RelDataType rowType) {
    this(cluster, traits, input, grouping, calls, rowType, PartialFinal.NONE);
  }

  public StreamPhysicalGroupAggregate(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      int[] grouping,
      List<AggregateCall> calls,
      RelDataType rowType,
      PartialFinal partialFinal) {
    super(cluster, traits, input);
    this.grouping = grouping.clone();
    this.calls = List.copyOf(calls);
    this.rowType = rowType;
    this.partialFinal = java.util.Objects.requireNonNull(partialFinal, "partialFinal");
  }

  public PartialFinal partialFinal() {
    return partialFinal;
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
        getCluster(), traitSet, sole(inputs), grouping, calls, rowType, partialFinal);
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
    if (partialFinal != PartialFinal.NONE) {
      w = w.item("partialFinalType", partialFinal);
    }
    return w.item("select", terms[1]);
  }

  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    boolean distinct = calls.stream().anyMatch(AggregateCall::isDistinct);
    return Optional.of(StateDescription.aggregate(StateDescription.names(this, 0, grouping),
        distinct, context, "mini-batch buffer of input rows per key"));
  }
}
