package io.strom.planner.plan.physical;

import io.strom.codegen.types.TimeAttributeType;
import io.strom.codegen.types.TypeConversions;
import io.strom.planner.ValidationException;
import io.strom.runtime.sql.join.IntervalJoinBounds;
import io.strom.types.TimestampKind;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Finds the time bounds of an interval join in a join condition, as Flink does: among the
 * condition's conjuncts (in conjunctive normal form), either one equality or two range
 * comparisons ({@code <, <=, >, >=}; BETWEEN is two of them) that each compare a time attribute
 * of one input, plus or minus constant intervals, with a time attribute of the same kind of the
 * other input, and that together bound the left time from below and from above. Everything else
 * stays the residual condition (equality keys included). Any other shape is a regular join.
 */
final class IntervalJoinConditions {

  /** The bounds found and the rest of the condition ({@code TRUE} when nothing is left). */
  record Extracted(IntervalJoinBounds bounds, RexNode residual) {}

  /** A time attribute read by a comparison: whose, which field, and whether it is event time. */
  private record TimeAccess(boolean leftInput, int index, boolean eventTime) {}

  /** A conjunct comparing a time attribute of each input. */
  private record TimePredicate(RexCall call, TimeAccess first, TimeAccess second) {
    boolean leftInputFirst() {
      return first.leftInput();
    }
  }

  /** One bound on the left time relative to the right time. */
  private record Bound(long offset, boolean lower) {}

  private IntervalJoinConditions() {}

  /**
   * The bounds of {@code join} when it runs as an interval join (INNER, LEFT, RIGHT or FULL), else
   * null. Like Flink, one bounded by processing time is refused when its inputs carry event-time
   * attributes (it would not hold their watermarks back).
   */
  static Extracted forJoin(Join join) {
    switch (join.getJoinType()) {
      case INNER, LEFT, RIGHT, FULL -> { }
      default -> {
        return null;
      }
    }
    RelDataType leftType = join.getLeft().getRowType();
    RelDataType rightType = join.getRight().getRowType();
    Extracted extracted = extract(
        join.getCondition(), join.getLeft(), join.getRight(), join.getCluster().getRexBuilder());
    if (extracted == null) {
      return null;
    }
    IntervalJoinBounds bounds = extracted.bounds();
    if (!bounds.rowTime()) {
      boolean rowTimeInInputs = join.getRowType().getFieldList().stream()
          .anyMatch(f -> f.getType() instanceof TimeAttributeType t
              && t.kind() == TimestampKind.ROWTIME);
      if (rowTimeInInputs) {
        throw new ValidationException(
            "Interval join with proctime attribute requires no event-time attributes are in the"
                + " join inputs. Select only the columns the query needs from each input, or cast"
                + " the event-time column to TIMESTAMP(3)");
      }
      return extracted;
    }
    RelDataType leftTime = leftType.getFieldList().get(bounds.leftTimeIndex()).getType();
    RelDataType rightTime = rightType.getFieldList().get(bounds.rightTimeIndex()).getType();
    if (leftTime.getSqlTypeName() != rightTime.getSqlTypeName()) {
      throw new ValidationException(
          "Interval join with rowtime attribute requires same rowtime types, but the types are "
              + TypeConversions.toLogicalType(leftTime) + " and "
              + TypeConversions.toLogicalType(rightTime));
    }
    return extracted;
  }

  /**
   * The interval join bounds of {@code condition} over these inputs, or null when the condition
   * does not bound the inputs' times against each other.
   */
  static Extracted extract(RexNode condition, RelNode left, RelNode right, RexBuilder rex) {
    List<TimestampKind> fields = new ArrayList<>();
    for (int i = 0; i < left.getRowType().getFieldCount(); i++) {
      fields.add(TimeAttributes.kindOf(left, i));
    }
    for (int i = 0; i < right.getRowType().getFieldCount(); i++) {
      fields.add(TimeAttributes.kindOf(right, i));
    }
    RelDataType leftType = left.getRowType();
    int leftCount = leftType.getFieldCount();
    List<TimePredicate> timePredicates = new ArrayList<>();
    List<RexNode> others = new ArrayList<>();
    for (RexNode conjunct : RelOptUtil.conjunctions(RexUtil.toCnf(rex, condition))) {
      TimePredicate predicate = timePredicate(conjunct, fields, leftCount);
      if (predicate != null) {
        timePredicates.add(predicate);
      } else {
        others.add(conjunct);
      }
    }
    boolean anyEquality =
        timePredicates.stream().anyMatch(p -> p.call().getKind() == SqlKind.EQUALS);
    boolean shapeFits = timePredicates.size() == 1 ? anyEquality
        : timePredicates.size() == 2 && !anyEquality;
    if (!shapeFits) {
      return null;
    }
    List<Bound> bounds = new ArrayList<>();
    for (TimePredicate predicate : timePredicates) {
      Bound bound = bound(predicate);
      if (bound == null) {
        return null;
      }
      bounds.add(bound);
    }
    long lower;
    long upper;
    if (bounds.size() == 1) {
      lower = bounds.get(0).offset();
      upper = lower;
    } else if (bounds.get(0).lower() != bounds.get(1).lower()) {
      Bound lowerBound = bounds.get(0).lower() ? bounds.get(0) : bounds.get(1);
      Bound upperBound = bounds.get(0).lower() ? bounds.get(1) : bounds.get(0);
      lower = lowerBound.offset();
      upper = upperBound.offset();
    } else {
      // Two lower (or two upper) bounds leave the other direction open.
      return null;
    }
    TimePredicate head = timePredicates.get(0);
    TimeAccess leftTime = head.leftInputFirst() ? head.first() : head.second();
    TimeAccess rightTime = head.leftInputFirst() ? head.second() : head.first();
    IntervalJoinBounds windowBounds = new IntervalJoinBounds(
        leftTime.eventTime(), lower, upper, leftTime.index(), rightTime.index() - leftCount);
    return new Extracted(windowBounds, RexUtil.composeConjunction(rex, others));
  }

  /**
   * {@code conjunct} as a time predicate: a comparison whose two sides each read exactly one time
   * attribute and no other field, the attributes of the same kind and of different inputs.
   */
  private static TimePredicate timePredicate(
      RexNode conjunct, List<TimestampKind> fields, int leftCount) {
    if (!(conjunct instanceof RexCall call)) {
      return null;
    }
    switch (call.getKind()) {
      case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> { }
      default -> {
        return null;
      }
    }
    TimeAccess first = onlyTimeAccess(call.getOperands().get(0), fields, leftCount);
    TimeAccess second = onlyTimeAccess(call.getOperands().get(1), fields, leftCount);
    if (first == null || second == null
        || first.eventTime() != second.eventTime()
        || first.leftInput() == second.leftInput()) {
      return null;
    }
    return new TimePredicate(call, first, second);
  }

  /** The one time attribute {@code term} reads, or null when it reads none, several or others. */
  private static TimeAccess onlyTimeAccess(
      RexNode term, List<TimestampKind> fields, int leftCount) {
    List<RexInputRef> refs = new ArrayList<>();
    collectInputRefs(term, refs);
    if (refs.size() != 1) {
      return null;
    }
    int index = refs.get(0).getIndex();
    TimestampKind kind = fields.get(index);
    if (kind == TimestampKind.REGULAR) {
      return null;
    }
    return new TimeAccess(index < leftCount, index, kind == TimestampKind.ROWTIME);
  }

  private static void collectInputRefs(RexNode node, List<RexInputRef> refs) {
    if (node instanceof RexInputRef ref) {
      refs.add(ref);
    } else if (node instanceof RexCall call) {
      call.getOperands().forEach(operand -> collectInputRefs(operand, refs));
    }
  }

  /**
   * The bound a time predicate puts on the left time: both sides are evaluated with their time
   * attribute at 1970-01-01 00:00, and their difference is the offset; a strict comparison moves
   * it by one millisecond inward.
   */
  private static Bound bound(TimePredicate predicate) {
    RexCall call = predicate.call();
    Long first = valueAtEpoch(call.getOperands().get(0));
    Long second = valueAtEpoch(call.getOperands().get(1));
    if (first == null || second == null) {
      return null;
    }
    boolean leftFirst = predicate.leftInputFirst();
    // left.time <op'> right.time + offset, with <op'> the comparison as seen from the left time.
    long offset = leftFirst ? second - first : first - second;
    SqlKind kind = call.getKind();
    boolean lower = switch (kind) {
      case GREATER_THAN, GREATER_THAN_OR_EQUAL -> leftFirst;
      case LESS_THAN, LESS_THAN_OR_EQUAL -> !leftFirst;
      default -> true;
    };
    if (kind == SqlKind.LESS_THAN || kind == SqlKind.GREATER_THAN) {
      offset += lower ? 1 : -1;
    }
    return new Bound(offset, lower);
  }

  /**
   * The value of a time term in milliseconds when its time attribute is at the epoch: the
   * attribute (or its cast to a timestamp) plus or minus interval literals. Null for anything
   * else.
   */
  private static Long valueAtEpoch(RexNode term) {
    if (term instanceof RexInputRef) {
      return 0L;
    }
    if (term instanceof RexCall cast && cast.getKind() == SqlKind.CAST
        && cast.getOperands().get(0) instanceof RexInputRef
        && cast.getType().getFamily() == SqlTypeFamily.TIMESTAMP) {
      // The time attribute read as a plain timestamp.
      return 0L;
    }
    if (!(term instanceof RexCall call) || call.getOperands().size() != 2) {
      return null;
    }
    boolean plus = call.getKind() == SqlKind.PLUS;
    if (!plus && call.getKind() != SqlKind.MINUS) {
      return null;
    }
    RexNode a = call.getOperands().get(0);
    RexNode b = call.getOperands().get(1);
    if (plus && a instanceof RexLiteral) {
      // INTERVAL '1' HOUR + t
      RexNode swap = a;
      a = b;
      b = swap;
    }
    Long time = valueAtEpoch(a);
    if (time == null || !(b instanceof RexLiteral interval)) {
      return null;
    }
    BigDecimal amount = interval.getValueAs(BigDecimal.class);
    if (amount == null) {
      return null;
    }
    long signed = plus ? amount.longValueExact() : -amount.longValueExact();
    SqlTypeFamily family = interval.getType().getSqlTypeName().getFamily();
    if (family == SqlTypeFamily.INTERVAL_DAY_TIME) {
      return time + signed;
    }
    if (family == SqlTypeFamily.INTERVAL_YEAR_MONTH) {
      LocalDateTime at = LocalDateTime.ofEpochSecond(Math.floorDiv(time, 1000), 0, ZoneOffset.UTC)
          .plusNanos(Math.floorMod(time, 1000) * 1_000_000L)
          .plusMonths(signed);
      return at.toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    return null;
  }
}
