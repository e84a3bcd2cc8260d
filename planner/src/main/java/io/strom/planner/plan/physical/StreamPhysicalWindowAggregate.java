package io.strom.planner.plan.physical;

import io.strom.runtime.sql.window.SqlWindow;
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
 * An aggregation per window: grouped by columns that include the window's start and end, it emits
 * each group's one final row when time passes the window's end, so its output is insert-only.
 * Over a SESSION window its input rows carry their own sessions ({@code [time, time + gap)}),
 * which it merges per key of the other grouping columns. Sliced (HOP and CUMULATE, and TUMBLE on
 * processing time, see {@link WindowSlicing}), its input rows carry their slices, which it keeps
 * per key of the other grouping columns and merges into windows; on processing time it takes
 * each row's slice from its own clock instead.
 */
public final class StreamPhysicalWindowAggregate extends SingleRel implements StreamPhysicalRel {
  private final int[] grouping;
  private final List<AggregateCall> calls;
  private final int windowStartKeyIndex;
  private final int windowEndKeyIndex;
  private final int windowTimeKeyIndex;
  private final SqlWindow window;
  private final String timeColumn;
  private final boolean eventTime;
  private final boolean sliced;
  private final boolean mergesSlices;

  public StreamPhysicalWindowAggregate(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      int[] grouping,
      List<AggregateCall> calls,
      int windowStartKeyIndex,
      int windowEndKeyIndex,
      int windowTimeKeyIndex,
      SqlWindow window,
      String timeColumn,
      boolean eventTime,
      RelDataType rowType) {
    this(cluster, traits, input, grouping, calls, windowStartKeyIndex, windowEndKeyIndex,
        windowTimeKeyIndex, window, timeColumn, eventTime, false, false, rowType);
  }

  private StreamPhysicalWindowAggregate(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      int[] grouping,
      List<AggregateCall> calls,
      int windowStartKeyIndex,
      int windowEndKeyIndex,
      int windowTimeKeyIndex,
      SqlWindow window,
      String timeColumn,
      boolean eventTime,
      boolean sliced,
      boolean mergesSlices,
      RelDataType rowType) {
    super(cluster, traits, input);
    this.grouping = grouping.clone();
    this.calls = List.copyOf(calls);
    this.windowStartKeyIndex = windowStartKeyIndex;
    this.windowEndKeyIndex = windowEndKeyIndex;
    this.windowTimeKeyIndex = windowTimeKeyIndex;
    this.window = window;
    this.timeColumn = timeColumn;
    this.eventTime = eventTime;
    this.sliced = sliced;
    this.mergesSlices = mergesSlices;
    this.rowType = rowType;
  }

  public int[] grouping() {
    return grouping.clone();
  }

  public List<AggregateCall> calls() {
    return calls;
  }

  /** Where {@code window_start} sits among the grouping columns. */
  public int windowStartKeyIndex() {
    return windowStartKeyIndex;
  }

  /** Where {@code window_time} sits among the grouping columns, or -1 when it is not grouped. */
  public int windowTimeKeyIndex() {
    return windowTimeKeyIndex;
  }

  public SqlWindow window() {
    return window;
  }

  /** Whether this aggregates session windows, which merge. */
  public boolean isSession() {
    return window.kind() == SqlWindow.Kind.SESSION;
  }

  /** Where {@code window_end} sits among the grouping columns. */
  public int windowEndKeyIndex() {
    return windowEndKeyIndex;
  }

  public boolean isEventTime() {
    return eventTime;
  }

  /** Whether this aggregates by slices: over {@code input}, whose rows carry their slices. */
  public boolean isSliced() {
    return sliced;
  }

  /**
   * Whether this sliced aggregation keeps accumulators per slice and merges them into windows;
   * otherwise (processing time only, for functions that do not merge) it keeps them per window.
   */
  public boolean mergesSlices() {
    return mergesSlices;
  }

  /**
   * This aggregation over {@code input} (a sliced window table function's rows), keyed without the
   * window. With {@code mergesSlices} it keeps accumulators per slice and merges them into
   * windows; without (processing time only, for functions that do not merge) it keeps them per
   * window, still taking each row's windows from its own clock.
   */
  public StreamPhysicalWindowAggregate sliced(RelNode input, boolean mergesSlices) {
    if (!mergesSlices && eventTime) {
      throw new IllegalStateException("Bug: event-time windows come from the rows' time");
    }
    return new StreamPhysicalWindowAggregate(getCluster(), getTraitSet(), input, grouping, calls,
        windowStartKeyIndex, windowEndKeyIndex, windowTimeKeyIndex, window, timeColumn, eventTime,
        true, mergesSlices, rowType);
  }

  /** Whether its state holds slices shared by several windows, rather than whole windows. */
  private boolean keepsSlices() {
    return sliced && mergesSlices && window.kind() != SqlWindow.Kind.TUMBLE;
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalWindowAggregate(getCluster(), traitSet, sole(inputs), grouping, calls,
        windowStartKeyIndex, windowEndKeyIndex, windowTimeKeyIndex, window, timeColumn, eventTime,
        sliced, mergesSlices, rowType);
  }

  @Override
  public String planName() {
    return "WindowAggregate";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    String[] terms = AggregateCalls.groupByAndSelect(
        grouping, calls, getInput().getRowType().getFieldNames(), getRowType().getFieldNames());
    return super.explainTerms(pw)
        .item("groupBy", terms[0])
        .item("window", StreamPhysicalWindowTableFunction.describe(window, timeColumn))
        // A sliced TUMBLE keeps one slice per window, and an aggregation that does not merge
        // keeps windows: only their exchange's keys tell them apart.
        .itemIf("sliced", true, keepsSlices())
        .item("select", terms[1]);
  }

  /**
   * Session windows keep rows, not accumulators, since sessions merge as rows arrive; sliced
   * windows keep accumulators per slice, which their windows share.
   */
  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    List<String> keys = StateDescription.names(this, 0, grouping);
    if (isSession() || sliced) {
      List<String> besidesWindow = new java.util.ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        if (i != windowStartKeyIndex && i != windowEndKeyIndex && i != windowTimeKeyIndex) {
          besidesWindow.add(keys.get(i));
        }
      }
      return Optional.of(isSession()
          ? new StateDescription(
              StateDescription.perKey(besidesWindow, "open sessions and their rows"),
              StateDescription.freedWhenTimePasses(eventTime, "the session end"))
          : !keepsSlices()
              ? new StateDescription(
                  StateDescription.perKey(besidesWindow, "accumulators per window"),
                  StateDescription.freedWhenTimePasses(eventTime, "the window end"))
              : new StateDescription(
                  StateDescription.perKey(besidesWindow, "accumulators per slice"),
                  StateDescription.freedWhenTimePasses(
                      eventTime, "the end of the slice's last window")));
    }
    return Optional.of(new StateDescription(StateDescription.perKey(keys, "accumulators"),
        StateDescription.freedWhenTimePasses(eventTime, "the window end")));
  }
}
