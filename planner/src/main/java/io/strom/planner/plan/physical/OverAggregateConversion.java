package io.strom.planner.plan.physical;

import io.strom.codegen.types.TimeAttributeType;
import io.strom.planner.ValidationException;
import io.strom.runtime.sql.over.OverWindowSpec;
import io.strom.types.TimestampKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowExclusion;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Plans an OVER aggregation: aggregate functions over a frame that ends at the current row,
 * ordered by one time attribute (over an updating input, by any columns). Every form it cannot
 * run is refused here, with what to write instead, but for orders other than by time over an
 * insert-only input, refused once changelog modes are known ({@link OverAndRankModes}).
 */
final class OverAggregateConversion {
  private OverAggregateConversion() {}

  static StreamPhysicalRel convert(LogicalWindow window, RelTraitSet traits) {
    Window.Group group = window.groups.get(0);
    for (Window.Group other : window.groups) {
      if (!other.keys.equals(group.keys) || !other.orderKeys.equals(group.orderKeys)
          || other.isRows != group.isRows || !other.lowerBound.equals(group.lowerBound)
          || !other.upperBound.equals(group.upperBound)) {
        throw new ValidationException("All OVER aggregates of a query must use the same window"
            + " (PARTITION BY, ORDER BY and frame); compute the others in another query");
      }
      for (Window.RexWinAggCall call : other.aggCalls) {
        if (call.getKind() == SqlKind.ROW_NUMBER || call.getKind() == SqlKind.RANK
            || call.getKind() == SqlKind.DENSE_RANK) {
          throw new ValidationException(call.getKind() + "() is supported only in Top-N and"
              + " deduplication queries, which filter it: WHERE rn <= N");
        }
      }
    }
    RelDataType inputType = window.getInput().getRowType();
    List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
    if (order.isEmpty()) {
      throw new ValidationException("OVER windows need an ORDER BY: ORDER BY a time attribute, or"
          + " over an updating input any columns");
    }
    TimeAttributeType time = order.size() == 1
        && inputType.getFieldList().get(order.get(0).getFieldIndex()).getType()
            instanceof TimeAttributeType t && t.kind() != TimestampKind.REGULAR ? t : null;
    // Over an insert-only input only this order runs; which input it is, is known only once the
    // plan's changelog modes are ({@link OverAndRankModes}), so other orders are kept until then.
    boolean timeOrdered = time != null && !order.get(0).getDirection().isDescending();
    if (!group.upperBound.isCurrentRow() || group.exclude != RexWindowExclusion.EXCLUDE_NO_OTHER) {
      throw new ValidationException("OVER windows must end at the CURRENT ROW; FOLLOWING rows and"
          + " EXCLUDE are not supported");
    }
    int orderField = order.get(0).getFieldIndex();
    if (!group.isRows && !timeOrdered && !group.lowerBound.isUnboundedPreceding()) {
      throw new ValidationException("A RANGE frame with an offset needs an insert-only input"
          + " ordered by one time attribute (RANGE BETWEEN INTERVAL '10' MINUTE PRECEDING AND"
          + " CURRENT ROW); over other orders write ROWS BETWEEN n PRECEDING or RANGE BETWEEN"
          + " UNBOUNDED PRECEDING AND CURRENT ROW");
    }
    long preceding = preceding(window, group);
    boolean eventTime = timeOrdered && time.kind() == TimestampKind.ROWTIME;
    OverWindowSpec spec = new OverWindowSpec(group.isRows, preceding, eventTime, orderField,
        timeOrdered ? time.getPrecision() : 0);
    List<AggregateCall> calls = new ArrayList<>();
    for (Window.Group g : window.groups) {
      calls.addAll(g.getAggregateCalls(window));
    }
    StreamPhysicalRel input = PhysicalConverter.convert(window.getInput());
    boolean constantArguments = calls.stream()
        .anyMatch(c -> c.getArgList().stream().anyMatch(a -> a >= inputType.getFieldCount()));
    if (constantArguments) {
      // Arguments that are constants (LISTAGG's separator) become columns of the input, as they
      // are for a GROUP BY aggregation: the window refers to constant k as field n + k, which is
      // where they are appended.
      input = OverConstantColumns.append(window, input, traits);
    }
    int[] partition = group.keys.toArray();
    StreamPhysicalExchange exchange =
        new StreamPhysicalExchange(window.getCluster(), traits, input, partition);
    RelDataType overType = constantArguments
        ? OverConstantColumns.overRowType(window, input.getRowType())
        : window.getRowType();
    StreamPhysicalRel over = new StreamPhysicalOverAggregate(window.getCluster(), traits,
        exchange, partition, order, timeOrdered, spec, calls, overType);
    return constantArguments ? OverConstantColumns.drop(window, over, traits) : over;
  }

  /** Rows (ROWS) or milliseconds (RANGE) before the current row; -1 for UNBOUNDED PRECEDING. */
  private static long preceding(LogicalWindow window, Window.Group group) {
    RexWindowBound lower = group.lowerBound;
    if (lower.isUnboundedPreceding()) {
      return -1;
    }
    if (lower.isCurrentRow()) {
      return 0;
    }
    if (!lower.isPreceding()) {
      throw new ValidationException("OVER windows must start at UNBOUNDED PRECEDING or n"
          + " PRECEDING");
    }
    RexNode offset = lower.getOffset();
    RexLiteral literal = null;
    if (offset instanceof RexInputRef ref) {
      int constant = ref.getIndex() - window.getInput().getRowType().getFieldCount();
      literal = window.getConstants().get(constant);
    } else if (offset instanceof RexLiteral l) {
      literal = l;
    }
    if (literal == null) {
      throw new ValidationException("OVER window bounds must be constants");
    }
    boolean interval = literal.getType().getSqlTypeName().getFamily()
        == SqlTypeFamily.INTERVAL_DAY_TIME;
    if (group.isRows == interval) {
      throw new ValidationException(group.isRows
          ? "A ROWS frame counts rows: write ROWS BETWEEN n PRECEDING AND CURRENT ROW"
          : "A RANGE frame over a time attribute needs an interval: write RANGE BETWEEN INTERVAL"
              + " '10' MINUTE PRECEDING AND CURRENT ROW");
    }
    return literal.getValueAs(BigDecimal.class).longValueExact();
  }
}
