package io.strom.planner.plan.physical;

import io.strom.planner.ValidationException;
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
 * Joins {@code FOR SYSTEM_TIME AS OF} a processing-time attribute (lookup joins) against a table
 * that does not change while the query runs, such as a file: each row joins the table's content,
 * so the join is planned as a regular join with the table's rows, whose final result is the same.
 */
final class LookupJoins {
  private LookupJoins() {}

  /**
   * The regular join a correlate over a snapshot stands for, or null when {@code correlate} is
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
    LogicalSnapshot snapshot = (LogicalSnapshot) right.getInput(0);
    if (!(snapshot.getPeriod().getType() instanceof io.strom.codegen.types.TimeAttributeType time)
        || time.kind() != io.strom.types.TimestampKind.PROCTIME) {
      // Against a versioned table as of each row's event time, every version would match.
      throw new ValidationException(
          "FOR SYSTEM_TIME AS OF is supported with a processing-time attribute (a lookup join);"
              + " event-time temporal joins against versioned tables are not supported yet");
    }
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
