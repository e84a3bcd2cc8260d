package io.strom.planner.plan.physical;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/**
 * Deduplication: the first or last row per key by a time attribute ({@code ROW_NUMBER() OVER
 * (PARTITION BY k ORDER BY time ASC|DESC) = 1}). Its input is exchanged by the key; its rows are
 * the input's.
 */
public final class StreamPhysicalDeduplicate extends SingleRel implements StreamPhysicalRel {
  private final int[] keys;
  private final boolean keepLast;
  private final int timeIndex;
  private final boolean rowtime;

  /**
   * @param timeIndex the time attribute field that orders rows
   * @param rowtime whether it is event time (else processing time: rows are ordered by arrival)
   */
  public StreamPhysicalDeduplicate(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      int[] keys, boolean keepLast, int timeIndex, boolean rowtime) {
    super(cluster, traits, input);
    this.keys = keys.clone();
    this.keepLast = keepLast;
    this.timeIndex = timeIndex;
    this.rowtime = rowtime;
  }

  /** The fields whose values a kept row is unique for. */
  public int[] keys() {
    return keys.clone();
  }

  public boolean keepLast() {
    return keepLast;
  }

  /** The event-time field that orders rows, or -1 when rows are ordered by arrival. */
  public int rowtimeIndex() {
    return rowtime ? timeIndex : -1;
  }

  /** The time attribute field of the ORDER BY, event or processing time. */
  public int timeIndex() {
    return timeIndex;
  }

  /** Whether the output is only inserts: keeping the first row by arrival never changes it. */
  public boolean insertOnly() {
    return !keepLast && !rowtime;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalDeduplicate(
        getCluster(), traitSet, sole(inputs), keys, keepLast, timeIndex, rowtime);
  }

  @Override
  public String planName() {
    return "Deduplicate";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("keep", keepLast ? "LastRow" : "FirstRow")
        .item("key", SortKeys.fields(keys, getInput().getRowType().getFieldNames()))
        .item("order", rowtime ? "ROWTIME" : "PROCTIME");
  }

  /** Keeping the first row by arrival needs only to know that one came; otherwise the row. */
  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    String kept = insertOnly() ? "whether the first row has come"
        : keepLast ? "the last row" : "the first row";
    return Optional.of(new StateDescription(
        StateDescription.perKey(StateDescription.names(this, 0, keys), kept),
        context.ttlOrUnbounded()));
  }
}
