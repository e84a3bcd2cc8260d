package io.strom.planner.plan.physical;

import io.strom.codegen.types.TimeAttributeType;
import io.strom.planner.ValidationException;
import io.strom.types.TimestampKind;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalCalc;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalSnapshot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;

/**
 * Recognizes joins {@code FOR SYSTEM_TIME AS OF}, which Calcite writes as a correlate over a
 * snapshot, and rewrites them as the join they stand for. As of a processing-time attribute the
 * join is a lookup join (see {@link LookupJoinConversion}); as of an event-time attribute an
 * event-time temporal join (see {@link TemporalJoinConversion}).
 */
final class LookupJoins {
  private LookupJoins() {}

  /**
   * Whether a correlate {@link #asJoin} turned into a join is as of a processing-time attribute
   * (a lookup join) rather than an event-time one (a temporal join).
   */
  static boolean isLookup(LogicalCorrelate correlate) {
    return snapshot(correlate).getPeriod().getType() instanceof TimeAttributeType time
        && time.kind() == TimestampKind.PROCTIME;
  }

  /** The snapshot the right side of a correlate {@link #asJoin} turned into a join reads. */
  static LogicalSnapshot snapshot(LogicalCorrelate correlate) {
    return (LogicalSnapshot) correlate.getRight().getInput(0);
  }

  /**
   * The join a correlate over a snapshot stands for, or null when {@code correlate} is
   * not one: Calcite writes {@code a JOIN t FOR SYSTEM_TIME AS OF a.pt ON cond} as a correlate
   * whose right side filters the snapshot of {@code t} by {@code cond} over the correlated row.
   */
  static LogicalJoin asJoin(LogicalCorrelate correlate) {
    RelNode right = correlate.getRight();
    RexNode condition;
    if (right instanceof LogicalCalc calc && calc.getInput() instanceof LogicalSnapshot) {
      RexProgram program = calc.getProgram();
      if (!program.projectsOnlyIdentity() || program.getCondition() == null) {
        return null;
      }
      condition = program.expandLocalRef(program.getCondition());
    } else if (right instanceof LogicalFilter filter && filter.getInput() instanceof LogicalSnapshot) {
      condition = filter.getCondition();
    } else {
      return null;
    }
    if (correlate.getJoinType() != JoinRelType.INNER && correlate.getJoinType() != JoinRelType.LEFT) {
      throw new ValidationException("A join FOR SYSTEM_TIME AS OF must be an INNER or LEFT join");
    }
    LogicalSnapshot snapshot = snapshot(correlate);
    RelNode left = correlate.getLeft();
    int leftCount = left.getRowType().getFieldCount();
    RexBuilder rex = correlate.getCluster().getRexBuilder();
    RexNode joinCondition = condition.accept(new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return rex.makeInputRef(ref.getType(), ref.getIndex() + leftCount);
      }

      @Override
      public RexNode visitFieldAccess(RexFieldAccess access) {
        if (access.getReferenceExpr() instanceof RexCorrelVariable) {
          int index = access.getField().getIndex();
          return rex.makeInputRef(left.getRowType().getFieldList().get(index).getType(), index);
        }
        return super.visitFieldAccess(access);
      }
    });
    return LogicalJoin.create(
        left, snapshot.getInput(), List.of(), joinCondition, java.util.Set.of(),
        correlate.getJoinType());
  }
}
