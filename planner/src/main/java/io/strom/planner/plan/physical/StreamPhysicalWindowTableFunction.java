package io.strom.planner.plan.physical;

import io.strom.runtime.sql.window.SqlWindow;
import io.strom.runtime.sql.window.WindowSlices;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A windowing table function (TUMBLE, HOP, CUMULATE): each row once per window holding its time,
 * with {@code window_start}, {@code window_end} and {@code window_time} appended. SESSION appends
 * each row's own session, for the session window aggregation that must follow it. Sliced (HOP
 * and CUMULATE feeding a slicing window aggregation only), it gives each row once, with its
 * slice's bounds in place of a window's.
 */
public final class StreamPhysicalWindowTableFunction extends SingleRel implements StreamPhysicalRel {
  private final SqlWindow window;
  private final int timeIndex;
  private final boolean eventTime;
  private final boolean sliced;

  public StreamPhysicalWindowTableFunction(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      SqlWindow window,
      int timeIndex,
      boolean eventTime,
      RelDataType rowType) {
    this(cluster, traits, input, window, timeIndex, eventTime, false, rowType);
  }

  private StreamPhysicalWindowTableFunction(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      SqlWindow window,
      int timeIndex,
      boolean eventTime,
      boolean sliced,
      RelDataType rowType) {
    super(cluster, traits, input);
    this.window = window;
    this.timeIndex = timeIndex;
    this.eventTime = eventTime;
    this.sliced = sliced;
    this.rowType = rowType;
  }

  /** This function giving each row once, with its slice's bounds as the window's. */
  public StreamPhysicalWindowTableFunction sliced() {
    if (!WindowSlices.slices(window.kind())) {
      throw new IllegalStateException("Bug: " + window.kind() + " windows are not sliced");
    }
    return new StreamPhysicalWindowTableFunction(
        getCluster(), getTraitSet(), getInput(), window, timeIndex, eventTime, true, rowType);
  }

  /** Whether each row comes out once, with its slice's bounds (for a slicing aggregation). */
  public boolean isSliced() {
    return sliced;
  }

  public SqlWindow window() {
    return window;
  }

  /** The input field holding each row's time. */
  public int timeIndex() {
    return timeIndex;
  }

  public boolean isEventTime() {
    return eventTime;
  }

  /** The position of {@code window_start}; {@code window_end} and {@code window_time} follow. */
  public int windowStartIndex() {
    return getInput().getRowType().getFieldCount();
  }

  @Override
  protected RelDataType deriveRowType() {
    return rowType;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new StreamPhysicalWindowTableFunction(
        getCluster(), traitSet, sole(inputs), window, timeIndex, eventTime, sliced, rowType);
  }

  @Override
  public String planName() {
    return "WindowTableFunction";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw)
        .item("window", describe(window, getInput().getRowType().getFieldNames().get(timeIndex)))
        .itemIf("sliced", true, sliced);
  }

  /** {@code TUMBLE(time_col=[ts], size=[10 min])}, as Flink prints windows. */
  static String describe(SqlWindow window, String timeColumn) {
    return describeWith(window, "time_col=[" + timeColumn + "]");
  }

  /** A window over its rows' start and end columns, as window joins and ranks print it. */
  static String describe(SqlWindow window, String startColumn, String endColumn) {
    return describeWith(window, "win_start=[" + startColumn + "], win_end=[" + endColumn + "]");
  }

  /** The window's description with {@code columns} first inside its parentheses. */
  private static String describeWith(SqlWindow window, String columns) {
    String text = window.describe();
    int paren = text.indexOf('(');
    return text.substring(0, paren + 1) + columns + ", " + text.substring(paren + 1);
  }
}
