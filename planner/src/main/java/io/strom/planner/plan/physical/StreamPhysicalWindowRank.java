package io.strom.planner.plan.physical;

import io.strom.runtime.sql.rank.RankRange;
import io.strom.runtime.sql.window.SqlWindow;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Top-N or deduplication per window: partitioned by columns that include a window's start and end,
 * it emits each partition's best rows once, when time passes the window's end, so its output is
 * insert-only. Its input is exchanged by the partition columns.
 */
public final class StreamPhysicalWindowRank extends SingleRel implements StreamPhysicalRel {
  private final int[] partitionKeys;
  private final List<RelFieldCollation> orderKeys;
  private final RankRange range;
  private final int windowStartIndex;
  private final int windowEndIndex;
  private final SqlWindow window;
  private final String timeColumn;
  private final boolean eventTime;
  private final boolean deduplicate;

  /**
   * @param windowStartIndex the input field holding {@code window_start}
   * @param windowEndIndex the input field holding {@code window_end}
   * @param deduplicate whether this keeps the first or last row by time (ROW_NUMBER = 1 ordered by
   *     the window's time column); keeping the last, the later of two rows of equal time wins
   */
  public StreamPhysicalWindowRank(RelOptCluster cluster, RelTraitSet traits, RelNode input,
      int[] partitionKeys, List<RelFieldCollation> orderKeys, RankRange range,
      int windowStartIndex, int windowEndIndex, SqlWindow window, String timeColumn,
      boolean eventTime, boolean deduplicate, RelDataType rowType) {
    super(cluster, traits, input);
    this.partitionKeys = partitionKeys.clone();
    this.orderKeys = List.copyOf(orderKeys);
    this.range = range;
    this.windowStartIndex = windowStartIndex;
    this.windowEndIndex = windowEndIndex;
    this.window = window;
    this.timeColumn = timeColumn;
    this.eventTime = eventTime;
    this.deduplicate = deduplicate;
    this.rowType = rowType;
  }

  public int[] partitionKeys() {
    return partitionKeys.clone();
  }

  public List<RelFieldCollation> orderKeys() {
    return orderKeys;
  }

  public RankRange range() {
    return range;
  }

  public int windowEndIndex() {
    return windowEndIndex;
  }

  public boolean isEventTime() {
    return eventTime;
  }

  /** Whether rows of equal order rank the later one first: deduplication keeping the last row. */
  public boolean laterWinsTies() {
    return deduplicate && orderKeys.get(0).getDirection().isDescending();
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalWindowRank(getCluster(), traitSet, sole(inputs), partitionKeys,
        orderKeys, range, windowStartIndex, windowEndIndex, window, timeColumn, eventTime,
        deduplicate, rowType);
  }

  @Override
  public String planName() {
    return deduplicate ? "WindowDeduplicate" : "WindowRank";
  }

  /**
   * Printed as Flink prints it: the window by the columns holding its start and end, the partition
   * without them (the window is one already), and for deduplication the time column's kind.
   */
  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> names = getInput().getRowType().getFieldNames();
    int[] partitionWithinWindow =
        java.util.Arrays.stream(partitionKeys)
            .filter(key -> key != windowStartIndex && key != windowEndIndex)
            .toArray();
    RelWriter w = super.explainTerms(pw).item("window", StreamPhysicalWindowTableFunction.describe(
        window, names.get(windowStartIndex), names.get(windowEndIndex)));
    if (deduplicate) {
      return w.item("keep", laterWinsTies() ? "LastRow" : "FirstRow")
          .item("partitionKeys", SortKeys.fields(partitionWithinWindow, names))
          .item("orderKey", names.get(orderKeys.get(0).getFieldIndex()))
          .item("order", eventTime ? "ROWTIME" : "PROCTIME");
    }
    return w.item("rankType", "ROW_NUMBER")
        .item("rankRange", SortKeys.range(range.start(), range.end()))
        .item("partitionBy", SortKeys.fields(partitionWithinWindow, names))
        .item("orderBy", SortKeys.order(orderKeys, names))
        .item("select", String.join(", ", getRowType().getFieldNames()));
  }

  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    String kept = !deduplicate ? "top " + range.end() + " rows"
        : laterWinsTies() ? "the last row" : "the first row";
    return Optional.of(new StateDescription(
        StateDescription.perKey(StateDescription.names(this, 0, partitionKeys), kept),
        StateDescription.freedWhenTimePasses(eventTime, "the window end")));
  }
}
