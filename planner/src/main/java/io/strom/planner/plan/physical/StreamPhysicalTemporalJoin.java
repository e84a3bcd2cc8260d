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
 * An event-time temporal join ({@code JOIN v FOR SYSTEM_TIME AS OF l.time}), INNER or LEFT: each
 * left row joins the version of the versioned table {@code v} (its right input, with a primary
 * key and an event-time attribute) current at the left row's event time. Both sides are exchanged
 * by the condition's equality keys, which hold the primary key. Its output has the left input's
 * change kinds and upsert keys, and keeps the left input's time attribute.
 */
public final class StreamPhysicalTemporalJoin extends Join implements StreamPhysicalRel {
  private final int leftTimeIndex;
  private final int rightTimeIndex;

  /**
   * @param leftTimeIndex the left input's event-time field the join is {@code AS OF}
   * @param rightTimeIndex the versioned table's event-time field, where each version starts
   */
  public StreamPhysicalTemporalJoin(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode left,
      RelNode right,
      RexNode condition,
      JoinRelType joinType,
      int leftTimeIndex,
      int rightTimeIndex) {
    super(cluster, traits, List.of(), left, right, condition, Set.<CorrelationId>of(), joinType);
    if (joinType != JoinRelType.INNER && joinType != JoinRelType.LEFT) {
      throw new IllegalArgumentException("Bug: a temporal join is INNER or LEFT, got " + joinType);
    }
    this.leftTimeIndex = leftTimeIndex;
    this.rightTimeIndex = rightTimeIndex;
  }

  @Override
  public Join copy(
      RelTraitSet traitSet,
      RexNode conditionExpr,
      RelNode left,
      RelNode right,
      JoinRelType joinType,
      boolean semiJoinDone) {
    return new StreamPhysicalTemporalJoin(getCluster(), traitSet, left, right, conditionExpr,
        joinType, leftTimeIndex, rightTimeIndex);
  }

  public int leftTimeIndex() {
    return leftTimeIndex;
  }

  public int rightTimeIndex() {
    return rightTimeIndex;
  }

  /** The equality keys and the rest of the condition. */
  public JoinInfo info() {
    return analyzeCondition();
  }

  @Override
  public String planName() {
    return "TemporalJoin";
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    List<String> names = getRowType().getFieldNames();
    return pw.input("left", getLeft())
        .input("right", getRight())
        .item("joinType", StreamPhysicalJoin.joinTypeName(getJoinType()))
        .item("where", PlanText.withFieldNames(getCondition().toString(), names))
        .item("asOf", getLeft().getRowType().getFieldNames().get(leftTimeIndex))
        .item("versionTime", getRight().getRowType().getFieldNames().get(rightTimeIndex))
        .item("select", String.join(", ", names));
  }

  /**
   * Left rows wait until the watermark passes their time; of the versions, the one current at the
   * watermark stays (rows behind it may still come) and older ones go.
   */
  @Override
  public Optional<StateDescription> state(StateDescription.Context context) {
    List<String> keys = StateDescription.names(this, 1, info().rightKeys.toIntArray());
    String lifetime = StateDescription.freedWhenTimePasses(
        true, "their time, versions once a newer one is current");
    if (!context.ttl().isZero()) {
      lifetime += ", or when idle for the " + context.ttlOrUnbounded();
    }
    return Optional.of(new StateDescription(
        StateDescription.perKey(keys, "left rows waiting for the watermark and versions"),
        lifetime));
  }
}
