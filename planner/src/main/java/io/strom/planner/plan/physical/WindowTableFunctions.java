package io.strom.planner.plan.physical;

import io.strom.codegen.types.TimeAttributeType;
import io.strom.types.TimestampKind;
import io.strom.planner.ValidationException;
import io.strom.runtime.sql.window.SqlWindow;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalTableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;

/**
 * Plans the windowing table functions: the function itself, and an aggregation grouped by a
 * window's start and end, which becomes a window aggregation.
 */
final class WindowTableFunctions {
  private WindowTableFunctions() {}

  static StreamPhysicalRel convert(
      LogicalTableFunctionScan scan, RexCall call, RelTraitSet traits, StreamPhysicalRel input) {
    // The table argument became the scan's input: operands are DESCRIPTOR(col), then intervals.
    List<RexNode> operands = call.getOperands();
    RexCall descriptor = (RexCall) operands.get(0);
    int timeIndex = ((RexInputRef) descriptor.getOperands().get(0)).getIndex();
    TimeAttributeType timeType =
        (TimeAttributeType) input.getRowType().getFieldList().get(timeIndex).getType();
    String name = call.getOperator().getName();
    SqlWindow window = switch (name) {
      case "TUMBLE" -> SqlWindow.tumble(millis(operands, 1, name), optionalMillis(operands, 2));
      case "HOP" -> SqlWindow.hop(
          millis(operands, 1, name), millis(operands, 2, name), optionalMillis(operands, 3));
      case "CUMULATE" -> SqlWindow.cumulate(
          millis(operands, 1, name), millis(operands, 2, name), optionalMillis(operands, 3));
      case "SESSION" -> SqlWindow.session(millis(operands, 1, name));
      default -> throw new IllegalStateException("Bug: unknown window function " + name);
    };
    return new StreamPhysicalWindowTableFunction(
        scan.getCluster(),
        traits,
        input,
        window,
        timeIndex,
        timeType.kind() == TimestampKind.ROWTIME,
        scan.getRowType());
  }

  private static long millis(List<RexNode> operands, int index, String function) {
    RexNode operand = operands.get(index);
    if (!(operand instanceof RexLiteral literal)) {
      throw new ValidationException(
          function + " needs constant intervals, such as INTERVAL '10' MINUTE");
    }
    long value = literal.getValueAs(BigDecimal.class).longValueExact();
    if (value <= 0) {
      throw new ValidationException(function + " needs positive intervals, got " + value + " ms");
    }
    return value;
  }

  private static long optionalMillis(List<RexNode> operands, int index) {
    if (operands.size() <= index || operands.get(index).getKind() == SqlKind.DEFAULT) {
      return 0;
    }
    return ((RexLiteral) operands.get(index)).getValueAs(BigDecimal.class).longValueExact();
  }

  /**
   * A window aggregation when {@code aggregate} groups by the start and end of the same window
   * table function; otherwise null (a plain group aggregation).
   */
  static StreamPhysicalRel windowAggregate(
      org.apache.calcite.plan.RelOptCluster cluster,
      StreamPhysicalRel input,
      int[] grouping,
      List<org.apache.calcite.rel.core.AggregateCall> calls,
      org.apache.calcite.rel.type.RelDataType rowType,
      RelTraitSet traits) {
    StreamPhysicalWindowTableFunction function = null;
    int startKey = -1;
    int endKey = -1;
    int timeKey = -1;
    for (int k = 0; k < grouping.length; k++) {
      Origin origin = origin(input, grouping[k]);
      if (origin == null) {
        continue;
      }
      if (function != null && origin.function() != function) {
        return null;
      }
      function = origin.function();
      if (origin.column() == 0) {
        startKey = k;
      } else if (origin.column() == 1) {
        endKey = k;
      } else {
        timeKey = k;
      }
    }
    if (function == null || startKey < 0 || endKey < 0) {
      return null;
    }
    boolean session = function.window().kind() == SqlWindow.Kind.SESSION;
    int[] exchangeKeys = grouping;
    if (session) {
      SessionWindows.checkWindowColumnsPassedThrough(input, function);
      exchangeKeys = SessionWindows.keysBesidesWindow(grouping, startKey, endKey, timeKey);
    }
    StreamPhysicalExchange exchange =
        new StreamPhysicalExchange(cluster, traits, input, exchangeKeys);
    return new StreamPhysicalWindowAggregate(
        cluster,
        traits,
        exchange,
        grouping,
        calls,
        startKey,
        endKey,
        timeKey,
        function.window(),
        function.getInput().getRowType().getFieldNames().get(function.timeIndex()),
        function.isEventTime(),
        rowType);
  }

  /** A field that is a window column of a window table function, passed on unchanged. */
  record Origin(StreamPhysicalWindowTableFunction function, int column) {}

  /** Where {@code field} of {@code node} comes from when it is a window column passed on unchanged, or null. */
  static Origin origin(RelNode node, int field) {
    if (node instanceof StreamPhysicalWindowTableFunction function) {
      int column = field - function.windowStartIndex();
      return column >= 0 ? new Origin(function, column) : null;
    }
    if (node instanceof StreamPhysicalCalc calc) {
      RexProgram program = calc.getProgram();
      RexNode expr = program.expandLocalRef(program.getProjectList().get(field));
      return expr instanceof RexInputRef ref ? origin(calc.getInput(), ref.getIndex()) : null;
    }
    if (node instanceof StreamPhysicalExpand expand) {
      // Window columns are in every grouping set, so the expand passes them on unchanged.
      return field < expand.getInput().getRowType().getFieldCount() && expand.passesThrough(field)
          ? origin(expand.getInput(), field) : null;
    }
    if (node instanceof StreamPhysicalWatermarkAssigner || node instanceof StreamPhysicalExchange) {
      return origin(node.getInput(0), field);
    }
    if (node instanceof StreamPhysicalWindowJoin join) {
      // Each side's window columns, unless an outer join pads that side with NULLs.
      int leftCount = join.getLeft().getRowType().getFieldCount();
      boolean leftSide = field < leftCount;
      if (!WindowJoinConditions.passesWindowColumns(join, leftSide)) {
        return null;
      }
      return leftSide ? origin(join.getLeft(), field) : origin(join.getRight(), field - leftCount);
    }
    if (node instanceof StreamPhysicalWindowAggregate aggregate && !aggregate.isSession()) {
      // A window aggregation passes its window columns on: grouping by them again aggregates the
      // same windows once more (a cascade), still firing once per window. Sessions are not
      // cascaded: their rows' window_start is no longer each row's own time.
      int[] grouping = aggregate.grouping();
      return field < grouping.length ? origin(aggregate.getInput(), grouping[field]) : null;
    }
    return null;
  }
}
