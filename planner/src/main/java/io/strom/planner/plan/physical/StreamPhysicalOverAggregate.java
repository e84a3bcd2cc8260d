package io.strom.planner.plan.physical;

import io.strom.runtime.sql.over.OverWindowSpec;
import io.strom.runtime.sql.window.SqlWindow;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;

/**
 * An OVER aggregation ({@code agg(..) OVER (PARTITION BY .. ORDER BY time ROWS|RANGE BETWEEN ..
 * PRECEDING AND CURRENT ROW)}): over an insert-only input every row comes out once with the values
 * of its frame appended, so the output is insert-only; over an updating input (ordered by any
 * columns) rows whose frames change are updated, so the output updates. Its input is exchanged by
 * the partition columns.
 */
public final class StreamPhysicalOverAggregate extends SingleRel implements StreamPhysicalRel {
  private final int[] partitionKeys;
  private final List<RelFieldCollation> orderKeys;
  private final boolean timeOrdered;
  private final OverWindowSpec spec;
  private final List<AggregateCall> calls;

  /**
   * @param orderKeys what orders the rows of a partition
   * @param timeOrdered whether that is one time attribute, ascending, as an insert-only input needs
   */
  public StreamPhysicalOverAggregate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      int[] partitionKeys, List<RelFieldCollation> orderKeys, boolean timeOrdered,
      OverWindowSpec spec, List<AggregateCall> calls, RelDataType rowType) {
    super(cluster, traits, input);
    this.partitionKeys = partitionKeys.clone();
    this.orderKeys = List.copyOf(orderKeys);
    this.timeOrdered = timeOrdered;
    this.spec = spec;
    this.calls = List.copyOf(calls);
    this.rowType = rowType;
  }

  public List<RelFieldCollation> orderKeys() {
    return orderKeys;
  }

  public boolean timeOrdered() {
    return timeOrdered;
  }

  public OverWindowSpec spec() {
    return spec;
  }

  public List<AggregateCall> calls() {
    return calls;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalOverAggregate(
        getCluster(), traitSet, sole(inputs), partitionKeys, orderKeys, timeOrdered, spec, calls,
        rowType);
  }

  @Override
  public String planName() {
    return "OverAggregate";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> inputNames = getInput().getRowType().getFieldNames();
    List<String> outputNames = getRowType().getFieldNames();
    StringBuilder select = new StringBuilder(String.join(", ", inputNames));
    for (int i = 0; i < calls.size(); i++) {
      select.append(", ").append(AggregateCalls.describe(calls.get(i), inputNames))
          .append(" AS ").append(outputNames.get(inputNames.size() + i));
    }
    RelWriter w = super.explainTerms(pw);
    if (partitionKeys.length > 0) {
      w = w.item("partitionBy", SortKeys.fields(partitionKeys, inputNames));
    }
    return w.item("orderBy", SortKeys.order(orderKeys, inputNames))
        .item("window", frame())
        .item("select", select.toString());
  }

  private String frame() {
    String lower = spec.unbounded() ? "UNBOUNDED"
        : spec.rows() ? String.valueOf(spec.preceding()) : spec.preceding() + " ms";
    return (spec.rows() ? "ROWS" : "RANGE") + " BETWEEN " + lower + " PRECEDING AND CURRENT ROW";
  }

  /**
   * Over an insert-only input: the accumulators, the rows a bounded frame still reaches (to take
   * them back as they leave it) and, on event time, the rows waiting for the watermark. Over an
   * updating input frames are computed afresh, from every row of the partition.
   */
  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    String kept;
    if (context.updatingInput(this)) {
      kept = "all rows, sorted, with the values last emitted for them";
    } else {
      kept = "accumulators";
      if (!spec.unbounded()) {
        kept += spec.rows() ? ", the last " + spec.preceding() + " rows"
            : ", the rows of the last " + SqlWindow.duration(spec.preceding());
      }
      if (spec.eventTime()) {
        kept += ", rows waiting for the watermark";
      }
    }
    return Optional.of(new StateDescription(
        StateDescription.perKey(StateDescription.names(this, 0, partitionKeys), kept),
        context.ttlOrUnbounded()));
  }
}
