package io.strom.planner.plan.physical;

import static java.util.Objects.requireNonNull;

import io.strom.runtime.sql.join.IntervalJoinBounds;
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
 * An interval join of two insert-only streams whose condition bounds the left input's time
 * attribute by the right input's: each side exchanged by the equality keys of the condition's
 * residual (to one subtask when there are none), rows held only until time (the watermark, or the
 * clock) passes their bound. Its output is insert-only and keeps both inputs' time attributes.
 */
public final class StreamPhysicalIntervalJoin extends Join implements StreamPhysicalRel {
  private final IntervalJoinBounds bounds;
  private final RexNode residual;

  /**
   * @param condition the whole join condition, as written
   * @param residual the condition without the time bounds (equality keys included)
   */
  public StreamPhysicalIntervalJoin(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode left,
      RelNode right,
      RexNode condition,
      JoinRelType joinType,
      IntervalJoinBounds bounds,
      RexNode residual) {
    super(cluster, traits, List.of(), left, right, condition, Set.<CorrelationId>of(), joinType);
    this.bounds = requireNonNull(bounds, "bounds");
    this.residual = requireNonNull(residual, "residual");
  }

  @Override
  public Join copy(
      RelTraitSet traitSet,
      RexNode conditionExpr,
      RelNode left,
      RelNode right,
      JoinRelType joinType,
      boolean semiJoinDone) {
    return new StreamPhysicalIntervalJoin(
        getCluster(), traitSet, left, right, conditionExpr, joinType, bounds, residual);
  }

  public IntervalJoinBounds bounds() {
    return bounds;
  }

  /** The condition without its time bounds. */
  public RexNode residual() {
    return residual;
  }

  /** The equality keys of the residual and the rest of it. */
  public JoinInfo residualInfo() {
    return JoinInfo.of(getLeft(), getRight(), residual);
  }

  @Override
  public String planName() {
    return "IntervalJoin";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> names = getRowType().getFieldNames();
    return pw.input("left", getLeft())
        .input("right", getRight())
        .item("joinType", StreamPhysicalJoin.joinTypeName(getJoinType()))
        .item("windowBounds", bounds.toString())
        .item("where", PlanText.withFieldNames(getCondition().toString(), names))
        .item("select", String.join(", ", names));
  }

  /** Each side's rows stay only until no row of the other side can match them any more. */
  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    JoinInfo info = residualInfo();
    JoinRelType type = getJoinType();
    return Optional.of(new StateDescription(
        StateDescription.joinSides(
            StateDescription.names(this, 0, info.leftKeys.toIntArray()), type.generatesNullsOnRight(),
            StateDescription.names(this, 1, info.rightKeys.toIntArray()), type.generatesNullsOnLeft()),
        StateDescription.freedWhenTimePasses(bounds.rowTime(), "their join interval")));
  }
}
