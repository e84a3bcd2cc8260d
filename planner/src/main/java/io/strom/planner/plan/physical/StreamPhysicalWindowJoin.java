package io.strom.planner.plan.physical;

import static java.util.Objects.requireNonNull;

import io.strom.runtime.sql.window.SqlWindow;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;

/**
 * A window join: a join of two inputs windowed alike (by window table functions, or window
 * operators over them) whose condition equates both sides' {@code window_start} and {@code
 * window_end}. Each side is exchanged by the condition's equality keys, window columns included;
 * a key's rows wait until the watermark passes the window end, then are joined at once and freed.
 * Its output is insert-only and keeps both inputs' time attributes.
 */
public final class StreamPhysicalWindowJoin extends Join implements StreamPhysicalRel {
  /** Where one input's window columns sit. */
  public record WindowColumns(int start, int end) {}

  private final SqlWindow window;
  private final WindowColumns leftWindow;
  private final WindowColumns rightWindow;

  public StreamPhysicalWindowJoin(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode left,
      RelNode right,
      RexNode condition,
      JoinRelType joinType,
      SqlWindow window,
      WindowColumns leftWindow,
      WindowColumns rightWindow) {
    super(cluster, traits, List.of(), left, right, condition, Set.<CorrelationId>of(), joinType);
    this.window = requireNonNull(window, "window");
    this.leftWindow = requireNonNull(leftWindow, "leftWindow");
    this.rightWindow = requireNonNull(rightWindow, "rightWindow");
  }

  @Override
  public Join copy(
      RelTraitSet traitSet,
      RexNode conditionExpr,
      RelNode left,
      RelNode right,
      JoinRelType joinType,
      boolean semiJoinDone) {
    return new StreamPhysicalWindowJoin(getCluster(), traitSet, left, right, conditionExpr,
        joinType, window, leftWindow, rightWindow);
  }

  public SqlWindow window() {
    return window;
  }

  public WindowColumns leftWindow() {
    return leftWindow;
  }

  public WindowColumns rightWindow() {
    return rightWindow;
  }

  /** The equality keys (window columns among them) and the rest of the condition. */
  public JoinInfo info() {
    return analyzeCondition();
  }

  @Override
  public String planName() {
    return "WindowJoin";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> names = getRowType().getFieldNames();
    return pw.input("left", getLeft())
        .input("right", getRight())
        .item("leftWindow", describe(getLeft(), leftWindow))
        .item("rightWindow", describe(getRight(), rightWindow))
        .item("joinType", StreamPhysicalJoin.joinTypeName(getJoinType()))
        .item("where", PlanText.withFieldNames(getCondition().toString(), names))
        .item("select", String.join(", ", names));
  }

  /** A side's window as Flink prints it: {@code TUMBLE(win_start=[..], win_end=[..], ...)}. */
  private String describe(RelNode input, WindowColumns columns) {
    List<String> names = input.getRowType().getFieldNames();
    return StreamPhysicalWindowTableFunction.describe(
        window, names.get(columns.start()), names.get(columns.end()));
  }

  /** Each side's rows of a key and window, all freed when the window fires. */
  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    JoinInfo info = info();
    return Optional.of(new StateDescription(
        StateDescription.windowJoinSides(
            StateDescription.names(this, 0, info.leftKeys.toIntArray()),
            StateDescription.names(this, 1, info.rightKeys.toIntArray())),
        StateDescription.freedWhenTimePasses(true, "the window end")));
  }
}
