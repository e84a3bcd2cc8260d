package io.strom.planner.plan.physical;

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
 * A regular join of two streams, each exchanged by its side of the condition's equality keys (to
 * one subtask when there are none). Both sides are kept in state.
 */
public final class StreamPhysicalJoin extends Join implements StreamPhysicalRel {

  public StreamPhysicalJoin(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode left,
      RelNode right,
      RexNode condition,
      JoinRelType joinType) {
    super(cluster, traits, List.of(), left, right, condition, Set.<CorrelationId>of(), joinType);
  }

  @Override
  public Join copy(
      RelTraitSet traitSet,
      RexNode conditionExpr,
      RelNode left,
      RelNode right,
      JoinRelType joinType,
      boolean semiJoinDone) {
    return new StreamPhysicalJoin(getCluster(), traitSet, left, right, conditionExpr, joinType);
  }

  /** The equality keys and the rest of the condition. */
  public JoinInfo info() {
    return analyzeCondition();
  }

  @Override
  public String planName() {
    return "Join";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    // The join's own names: a right field named like a left one shows with its suffix (id0).
    List<String> names = getRowType().getFieldNames();
    return pw.input("left", getLeft())
        .input("right", getRight())
        .item("joinType", joinTypeName(getJoinType()))
        .item("where", PlanText.withFieldNames(getCondition().toString(), names))
        .item("select", String.join(", ", getRowType().getFieldNames()));
  }

  /** A join type as Flink's plans print it: {@code InnerJoin}, {@code LeftOuterJoin}, ... */
  static String joinTypeName(JoinRelType joinType) {
    return switch (joinType) {
      case INNER -> "InnerJoin";
      case LEFT -> "LeftOuterJoin";
      case RIGHT -> "RightOuterJoin";
      case FULL -> "FullOuterJoin";
      case SEMI -> "LeftSemiJoin";
      case ANTI -> "LeftAntiJoin";
      default -> joinType.name();
    };
  }

  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    JoinInfo info = info();
    JoinRelType type = getJoinType();
    return Optional.of(new StateDescription(
        StateDescription.joinSides(
            StateDescription.names(this, 0, info.leftKeys.toIntArray()), type.generatesNullsOnRight(),
            StateDescription.names(this, 1, info.rightKeys.toIntArray()), type.generatesNullsOnLeft()),
        context.ttlOrUnbounded()));
  }
}
