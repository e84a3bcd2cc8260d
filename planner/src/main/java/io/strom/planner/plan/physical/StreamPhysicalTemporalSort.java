package io.strom.planner.plan.physical;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/**
 * {@code ORDER BY time_attr [ASC] [, k ...]} without LIMIT over an insert-only stream: rows come
 * out in time order as time passes, those of one time sorted by the further keys. Its input is
 * exchanged to a single key, so one subtask sees every row; its rows are its input's.
 */
public final class StreamPhysicalTemporalSort extends SingleRel implements StreamPhysicalRel {
  private final List<RelFieldCollation> orderKeys;
  private final boolean eventTime;
  private final int timePrecision;

  /** @param orderKeys all sort keys, the ascending time attribute first */
  public StreamPhysicalTemporalSort(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      List<RelFieldCollation> orderKeys, boolean eventTime, int timePrecision) {
    super(cluster, traits, input);
    if (orderKeys.isEmpty() || orderKeys.get(0).getDirection().isDescending()) {
      throw new IllegalArgumentException("Bug: a temporal sort needs an ascending time first");
    }
    this.orderKeys = List.copyOf(orderKeys);
    this.eventTime = eventTime;
    this.timePrecision = timePrecision;
  }

  public int timeIndex() {
    return orderKeys.get(0).getFieldIndex();
  }

  /** The keys that order rows of the same time; empty when the time is the only key. */
  public List<RelFieldCollation> tieBreakKeys() {
    return orderKeys.subList(1, orderKeys.size());
  }

  public boolean isEventTime() {
    return eventTime;
  }

  public int timePrecision() {
    return timePrecision;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalTemporalSort(
        getCluster(), traitSet, sole(inputs), orderKeys, eventTime, timePrecision);
  }

  @Override
  public String planName() {
    return "TemporalSort";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("orderBy", SortKeys.order(orderKeys, getInput().getRowType().getFieldNames()));
  }

  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    return Optional.of(new StateDescription(
        StateDescription.perKey(List.of(), "rows waiting to be emitted in time order"),
        StateDescription.freedWhenTimePasses(eventTime, "their time")));
  }
}
