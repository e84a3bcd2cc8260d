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
 * The global phase of a two-phase group aggregation, after the exchange by key: it merges the
 * partial accumulators of {@link StreamPhysicalLocalGroupAggregate}s into each key's accumulators
 * in state and emits the key's result as it changes, like {@link StreamPhysicalGroupAggregate}.
 * Its input is exchanged by the leading key fields of the partial rows.
 */
public final class StreamPhysicalGlobalGroupAggregate extends SingleRel implements StreamPhysicalRel {
  private final RelDataType aggregatedType;
  private final int[] grouping;
  private final List<AggregateCall> calls;
  private final List<List<String>> accumulatorNames;
  private final boolean retraction;

  /**
   * @param input the exchange of the local phase's rows by their key fields
   * @param aggregatedType the rows the local phase aggregates, which {@code grouping} and {@code
   *     calls} refer to: both phases run the same generated functions
   * @param accumulatorNames per call, the names of its accumulator fields in the partial rows
   * @param retraction whether the local phase's input retracts rows, so keys can disappear
   */
  public StreamPhysicalGlobalGroupAggregate(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      RelDataType aggregatedType,
      int[] grouping,
      List<AggregateCall> calls,
      List<List<String>> accumulatorNames,
      boolean retraction,
      RelDataType rowType) {
    super(cluster, traits, input);
    this.retraction = retraction;
    this.aggregatedType = aggregatedType;
    this.grouping = grouping.clone();
    this.calls = List.copyOf(calls);
    this.accumulatorNames = List.copyOf(accumulatorNames);
    this.rowType = rowType;
  }

  /** Whether the local phase's input retracts rows. */
  public boolean retraction() {
    return retraction;
  }

  /** The rows the local phase aggregates. */
  public RelDataType aggregatedType() {
    return aggregatedType;
  }

  /** The key fields of {@link #aggregatedType}. */
  public int[] grouping() {
    return grouping.clone();
  }

  /** How many key fields lead the partial rows (and this node's output). */
  public int keyArity() {
    return grouping.length;
  }

  /** The aggregate calls, over {@link #aggregatedType}. */
  public List<AggregateCall> calls() {
    return calls;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalGlobalGroupAggregate(getCluster(), traitSet, sole(inputs),
        aggregatedType, grouping, calls, accumulatorNames, retraction, rowType);
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public String planName() {
    return "GlobalGroupAggregate";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> partialNames = getInput().getRowType().getFieldNames();
    List<String> outputNames = getRowType().getFieldNames();
    StringBuilder groupBy = new StringBuilder();
    StringBuilder select = new StringBuilder();
    for (int i = 0; i < keyArity(); i++) {
      groupBy.append(groupBy.length() == 0 ? "" : ", ").append(partialNames.get(i));
      select.append(select.length() == 0 ? "" : ", ").append(partialNames.get(i));
    }
    for (int i = 0; i < calls.size(); i++) {
      select.append(select.length() == 0 ? "" : ", ")
          .append(calls.get(i).getAggregation().getName()).append('(')
          .append(String.join(", ", accumulatorNames.get(i))).append(") AS ")
          .append(outputNames.get(keyArity() + i));
    }
    RelWriter w = super.explainTerms(pw);
    if (keyArity() > 0) {
      w = w.item("groupBy", groupBy.toString());
    }
    return w.item("select", select.toString());
  }

  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    List<String> keys = getInput().getRowType().getFieldNames().subList(0, keyArity());
    return Optional.of(StateDescription.aggregate(
        keys, false, context, "mini-batch buffer of partial accumulators per key"));
  }
}
