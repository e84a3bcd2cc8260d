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
 * The local phase of a two-phase group aggregation, before the exchange by key: per mini-batch it
 * pre-aggregates its subtask's rows per key and emits each key's partial accumulators, as
 * inserts. Its rows are the grouping fields followed by the accumulators.
 */
public final class StreamPhysicalLocalGroupAggregate extends SingleRel implements StreamPhysicalRel {
  private final int[] grouping;
  private final List<AggregateCall> calls;
  private final List<List<String>> accumulatorNames;
  private final boolean retraction;

  /**
   * @param accumulatorNames per call, the names of its accumulator fields in {@code rowType}
   * @param retraction whether the input retracts rows: the partial rows then carry a row count
   */
  public StreamPhysicalLocalGroupAggregate(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      int[] grouping,
      List<AggregateCall> calls,
      List<List<String>> accumulatorNames,
      boolean retraction,
      RelDataType rowType) {
    super(cluster, traits, input);
    this.grouping = grouping.clone();
    this.calls = List.copyOf(calls);
    this.accumulatorNames = List.copyOf(accumulatorNames);
    this.retraction = retraction;
    this.rowType = rowType;
  }

  /** Whether the input retracts rows. */
  public boolean retraction() {
    return retraction;
  }

  /** The input fields that make the key; they lead the output row. */
  public int[] grouping() {
    return grouping.clone();
  }

  /** The aggregate calls, over this node's input. */
  public List<AggregateCall> calls() {
    return calls;
  }

  public List<List<String>> accumulatorNames() {
    return accumulatorNames;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalLocalGroupAggregate(
        getCluster(), traitSet, sole(inputs), grouping, calls, accumulatorNames, retraction,
        rowType);
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public String planName() {
    return "LocalGroupAggregate";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> inputNames = getInput().getRowType().getFieldNames();
    StringBuilder groupBy = new StringBuilder();
    StringBuilder select = new StringBuilder();
    for (int key : grouping) {
      groupBy.append(groupBy.length() == 0 ? "" : ", ").append(inputNames.get(key));
      select.append(select.length() == 0 ? "" : ", ").append(inputNames.get(key));
    }
    for (int i = 0; i < calls.size(); i++) {
      List<String> names = accumulatorNames.get(i);
      select.append(select.length() == 0 ? "" : ", ")
          .append(AggregateCalls.describe(calls.get(i), inputNames))
          .append(" AS ")
          .append(names.size() == 1 ? names.get(0) : "(" + String.join(", ", names) + ")");
    }
    if (retraction) {
      // The row count that tells the global phase when a key has lost all its rows.
      select.append(select.length() == 0 ? "" : ", ").append("COUNT1(*) AS ")
          .append(getRowType().getFieldNames().get(grouping.length));
    }
    RelWriter w = super.explainTerms(pw);
    if (grouping.length > 0) {
      w = w.item("groupBy", groupBy.toString());
    }
    return w.item("select", select.toString());
  }

  /** Its partial accumulators live on the heap for one mini-batch: nothing outlives the batch. */
  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    return Optional.of(new StateDescription(
        StateDescription.perKey(StateDescription.names(this, 0, grouping),
            "partial accumulators of the current mini-batch"),
        "emptied with each batch, not checkpointed"));
  }
}
