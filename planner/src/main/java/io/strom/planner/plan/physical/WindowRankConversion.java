package io.strom.planner.plan.physical;

import io.strom.codegen.types.TimeAttributeType;
import io.strom.planner.ValidationException;
import io.strom.runtime.sql.rank.RankRange;
import java.util.List;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalWindow;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;

/**
 * Recognizes a Top-N partitioned by a window's start and end, whether the rows come straight from
 * a window table function or from a window aggregation or window join over one: such a Top-N can
 * wait for the window to end and emit its final rows once.
 */
final class WindowRankConversion {
  private WindowRankConversion() {}

  /** A field that is a column of a window table function's output, passed on unchanged. */
  private record Origin(StreamPhysicalWindowTableFunction function, int field) {
    boolean isStart() {
      return field == function.windowStartIndex();
    }

    boolean isEnd() {
      return field == function.windowStartIndex() + 1;
    }

    boolean isTime() {
      return field == function.timeIndex() || field == function.windowStartIndex() + 2;
    }
  }

  /**
   * The window Top-N over {@code exchange} when {@code partition} holds the start and end of the
   * same window; otherwise null.
   */
  static StreamPhysicalRel windowRank(LogicalWindow window, RelTraitSet traits,
      StreamPhysicalExchange exchange, int[] partition, List<RelFieldCollation> order,
      RankRange range, boolean firstRowOnly, RelDataType rankType) {
    RelNode input = exchange.getInput();
    StreamPhysicalWindowTableFunction function = null;
    int startField = -1;
    int endField = -1;
    for (int field : partition) {
      Origin origin = origin(input, field);
      if (origin == null || !(origin.isStart() || origin.isEnd())) {
        continue;
      }
      if (function != null && origin.function() != function) {
        return null;
      }
      function = origin.function();
      startField = origin.isStart() ? field : startField;
      endField = origin.isEnd() ? field : endField;
    }
    if (function == null || startField < 0 || endField < 0) {
      return null;
    }
    boolean deduplicate = false;
    if (firstRowOnly && order.size() == 1) {
      int orderField = order.get(0).getFieldIndex();
      Origin origin = origin(input, orderField);
      deduplicate = (origin != null && origin.function() == function && origin.isTime())
          || input.getRowType().getFieldList().get(orderField).getType()
              instanceof TimeAttributeType;
    }
    if (!function.isEventTime()) {
      throw processingTimeUnsupported(deduplicate);
    }
    return new StreamPhysicalWindowRank(window.getCluster(), traits, exchange, partition, order,
        range, startField, endField, function.window(),
        function.getInput().getRowType().getFieldNames().get(function.timeIndex()),
        function.isEventTime(), deduplicate, rankType);
  }

  /**
   * Flink refuses window Top-N and window deduplication over processing-time windows, with these
   * messages: a window's rows reach it after the exchange, where its end on the clock has no
   * agreed meaning.
   */
  private static ValidationException processingTimeUnsupported(boolean deduplicate) {
    String what = deduplicate ? "Window Deduplication" : "Window TopN";
    return new ValidationException("Processing time " + what + " is not supported yet. Window"
        + " the rows on an event-time attribute (a column with a WATERMARK), or use a "
        + (deduplicate ? "deduplication" : "Top-N") + " without window_start and window_end in"
        + " its PARTITION BY");
  }

  private static Origin origin(RelNode node, int field) {
    if (node instanceof StreamPhysicalWindowTableFunction function) {
      return new Origin(function, field);
    }
    if (node instanceof StreamPhysicalCalc calc) {
      RexProgram program = calc.getProgram();
      RexNode expr = program.expandLocalRef(program.getProjectList().get(field));
      return expr instanceof RexInputRef ref ? origin(calc.getInput(), ref.getIndex()) : null;
    }
    if (node instanceof StreamPhysicalWindowAggregate aggregate) {
      int[] grouping = aggregate.grouping();
      return field < grouping.length ? origin(aggregate.getInput(), grouping[field]) : null;
    }
    if (node instanceof StreamPhysicalExchange || node instanceof StreamPhysicalWatermarkAssigner) {
      return origin(node.getInput(0), field);
    }
    if (node instanceof StreamPhysicalWindowJoin join) {
      // Each side's columns, unless an outer join pads that side with NULLs.
      int leftCount = join.getLeft().getRowType().getFieldCount();
      boolean leftSide = field < leftCount;
      if (!WindowJoinConditions.passesWindowColumns(join, leftSide)) {
        return null;
      }
      return leftSide ? origin(join.getLeft(), field) : origin(join.getRight(), field - leftCount);
    }
    return null;
  }
}
