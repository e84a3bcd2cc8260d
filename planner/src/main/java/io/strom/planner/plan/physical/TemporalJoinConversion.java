package io.strom.planner.plan.physical;

import io.strom.planner.ValidationException;
import io.strom.types.TimestampKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Plans a join {@code FOR SYSTEM_TIME AS OF} the left input's event-time attribute as an
 * event-time temporal join, after checking what Flink checks: the period is the left input's
 * event-time attribute itself, and the right input is a versioned table (a primary key, or a
 * deduplication keeping each key's last row by event time, and one event-time attribute) whose
 * primary key the join's equalities cover.
 */
final class TemporalJoinConversion {
  private static final String VERSIONED_TABLE_HINT = "A versioned table has a PRIMARY KEY and a"
      + " WATERMARK (an upsert source, a changelog source, or a table with both), or is a view"
      + " keeping each key's latest row: SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY"
      + " k ORDER BY ts DESC) AS rn FROM t) WHERE rn = 1";

  private TemporalJoinConversion() {}

  /** @param join the join {@code correlate} stands for (see {@link LookupJoins#asJoin}) */
  static StreamPhysicalTemporalJoin convert(
      LogicalCorrelate correlate, LogicalJoin join, RelTraitSet traits) {
    int leftTime = leftTimeAttribute(correlate);
    StreamPhysicalRel left = PhysicalConverter.convert(join.getLeft());
    StreamPhysicalRel right = PhysicalConverter.convert(join.getRight());
    JoinInfo info = join.analyzeCondition();
    checkPrimaryKeyIsJoined(right, info);
    int rightTime = rightTimeAttribute(join.getRight());
    JoinExchanges inputs = JoinExchanges.of(join, traits, left, right, info);
    return new StreamPhysicalTemporalJoin(join.getCluster(), traits, inputs.left(),
        inputs.right(), join.getCondition(), join.getJoinType(), leftTime, rightTime);
  }

  /** The left field the join is as of, which must be an event-time attribute of the left input. */
  private static int leftTimeAttribute(LogicalCorrelate correlate) {
    RexNode period = LookupJoins.snapshot(correlate).getPeriod();
    String named = period.toString();
    if (period instanceof RexFieldAccess access
        && access.getReferenceExpr() instanceof RexCorrelVariable) {
      int index = access.getField().getIndex();
      if (TimeAttributes.kindOf(correlate.getLeft(), index) == TimestampKind.ROWTIME) {
        return index;
      }
      named = access.getField().getName();
    }
    throw new ValidationException("A temporal join is FOR SYSTEM_TIME AS OF a time attribute of"
        + " the left table, but " + named + " is not one. Name the left table's event-time column"
        + " (one with a WATERMARK) for an event-time temporal join, or a PROCTIME() column for a"
        + " lookup join");
  }

  /** Refuses a right input without a primary key, or one the join's equalities do not cover. */
  private static void checkPrimaryKeyIsJoined(StreamPhysicalRel right, JoinInfo info) {
    Set<ImmutableBitSet> keys = UpsertKeys.derive(right).of(right);
    List<String> names = right.getRowType().getFieldNames();
    if (keys.isEmpty()) {
      throw new ValidationException("Temporal Table Join requires primary key in versioned table,"
          + " but no primary key can be found. " + VERSIONED_TABLE_HINT);
    }
    ImmutableBitSet joined = ImmutableBitSet.of(info.rightKeys);
    for (ImmutableBitSet key : keys) {
      if (joined.contains(key)) {
        return;
      }
    }
    ImmutableBitSet key = keys.iterator().next();
    throw new ValidationException("The join condition of an event-time temporal join must equate"
        + " the versioned table's primary key " + columns(key, names) + " with the left table, but"
        + " it equates " + (joined.isEmpty() ? "no column" : columns(joined, names))
        + ". Add the primary key's columns to the ON condition, e.g. ON l.k = r.k");
  }

  /** The versioned table's one event-time attribute, where each of its versions starts. */
  private static int rightTimeAttribute(RelNode right) {
    List<Integer> rowtimes = new ArrayList<>();
    for (int i = 0; i < right.getRowType().getFieldCount(); i++) {
      if (TimeAttributes.kindOf(right, i) == TimestampKind.ROWTIME) {
        rowtimes.add(i);
      }
    }
    if (rowtimes.size() != 1) {
      throw new ValidationException("Event-Time Temporal Table Join requires both primary key and"
          + " row time attribute in versioned table, but "
          + (rowtimes.isEmpty() ? "no row time attribute can be found" : "it has several: "
              + columns(ImmutableBitSet.of(rowtimes), right.getRowType().getFieldNames()))
          + ". " + VERSIONED_TABLE_HINT);
    }
    return rowtimes.get(0);
  }

  private static String columns(ImmutableBitSet columns, List<String> names) {
    List<String> named = new ArrayList<>();
    columns.forEach(i -> named.add(names.get(i)));
    return "(" + String.join(", ", named) + ")";
  }
}
