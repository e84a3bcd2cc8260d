package io.strom.planner.plan.physical;

import io.strom.codegen.UnsupportedExpressionException;
import io.strom.codegen.agg.AggsHandlerCodeGenerator;
import io.strom.runtime.sql.window.SqlWindow;
import io.strom.runtime.sql.window.WindowSlices;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.AggregateCall;

/**
 * Slices HOP and CUMULATE window aggregations, as Flink does: {@code WindowAggregate(Exchange(
 * Calc*(WindowTableFunction)))}, which accumulates every row once per window holding it (size /
 * step times), becomes the same aggregation by slices, which accumulates each row once, into the
 * slice holding it, and merges a window's slices when it fires (see {@link WindowSlices}). The
 * window table function then gives each row once, with its slice's bounds, and the exchange
 * partitions by the grouping columns other than the window's.
 *
 * <p>A processing-time TUMBLE aggregation goes the same way, each window one slice, and the window
 * table function stays as it is: Flink assigns processing-time windows in the aggregation, from its
 * own clock, and so does the sliced aggregation. Keyed by the window instead, a row held up in the
 * exchange past its window's end would make that window fire a second time.
 *
 * <p>Only where that gives the same result: nothing between the function and the aggregation,
 * nor any aggregate argument, reads the window columns, which hold slices there. On event time
 * every aggregate function must also merge and none be DISTINCT (a user-defined one needs a
 * {@code merge} method); other event-time window aggregations keep one accumulator per window,
 * keyed by it. On processing time such an aggregation is keyed like a sliced one and keeps one
 * accumulator per window, its windows still taken from its clock. Runs on the final physical
 * plan.
 */
public final class WindowSlicing {
  private WindowSlicing() {}

  /** Rewrites every window aggregation of {@code node} that can aggregate by slices. */
  public static StreamPhysicalRel apply(StreamPhysicalRel node) {
    List<RelNode> inputs = new ArrayList<>();
    for (RelNode input : node.getInputs()) {
      inputs.add(apply((StreamPhysicalRel) input));
    }
    StreamPhysicalRel rewritten = inputs.equals(node.getInputs())
        ? node
        : (StreamPhysicalRel) node.copy(node.getTraitSet(), inputs);
    if (rewritten instanceof StreamPhysicalWindowAggregate aggregate
        && !aggregate.isSliced()
        && isSliceable(aggregate)
        && aggregate.getInput() instanceof StreamPhysicalExchange exchange) {
      StreamPhysicalRel sliced = sliced(aggregate, exchange);
      if (sliced != null) {
        return sliced;
      }
    }
    return rewritten;
  }

  /**
   * Whether {@code aggregate}'s windows are sliced: overlapping ones, or TUMBLE on processing time.
   */
  private static boolean isSliceable(StreamPhysicalWindowAggregate aggregate) {
    SqlWindow.Kind kind = aggregate.window().kind();
    return WindowSlices.slices(kind)
        || (kind == SqlWindow.Kind.TUMBLE && !aggregate.isEventTime());
  }

  /** {@code aggregate} by slices, or null when it must keep one accumulator per window. */
  private static StreamPhysicalRel sliced(
      StreamPhysicalWindowAggregate aggregate, StreamPhysicalExchange exchange) {
    StreamPhysicalRel input = (StreamPhysicalRel) exchange.getInput();
    RelNode slicedInput = slicedPath(input);
    if (slicedInput == null || argumentsReadWindowColumns(aggregate, input)) {
      return null;
    }
    boolean merge = functionsMerge(aggregate, input);
    if (!merge && aggregate.isEventTime()) {
      return null;
    }
    int[] keys = SessionWindows.keysBesidesWindow(aggregate.grouping(),
        aggregate.windowStartKeyIndex(), aggregate.windowEndKeyIndex(),
        aggregate.windowTimeKeyIndex());
    StreamPhysicalExchange byKey = new StreamPhysicalExchange(
        exchange.getCluster(), exchange.getTraitSet(), slicedInput, keys);
    return aggregate.sliced(byKey, merge);
  }

  /**
   * {@code node}, a chain of calculations over a window table function that only pass the window
   * columns on, rebuilt over the sliced function; null for any other shape.
   */
  private static RelNode slicedPath(RelNode node) {
    if (node instanceof StreamPhysicalWindowTableFunction function) {
      if (function.window().kind() == SqlWindow.Kind.TUMBLE) {
        // A tumbling window is its own slice: the function's rows are already the slices' rows.
        return function;
      }
      return function.isSliced() ? null : function.sliced();
    }
    if (node instanceof StreamPhysicalCalc calc) {
      RelNode below = slicedPath(calc.getInput());
      if (below == null || computesWithWindowColumns(calc)) {
        return null;
      }
      return calc.copy(calc.getTraitSet(), List.of(below));
    }
    return null;
  }

  private static boolean computesWithWindowColumns(StreamPhysicalCalc calc) {
    RelNode node = calc.getInput();
    while (!(node instanceof StreamPhysicalWindowTableFunction)) {
      node = node.getInput(0);
    }
    return SessionWindows.computesWithWindowColumns(
        calc, (StreamPhysicalWindowTableFunction) node);
  }

  /** Whether an aggregate argument or FILTER reads a window column, which will hold a slice. */
  private static boolean argumentsReadWindowColumns(
      StreamPhysicalWindowAggregate aggregate, RelNode input) {
    for (AggregateCall call : aggregate.calls()) {
      List<Integer> fields = new ArrayList<>(call.getArgList());
      if (call.filterArg >= 0) {
        fields.add(call.filterArg);
      }
      for (int field : fields) {
        if (WindowTableFunctions.origin(input, field) != null) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean functionsMerge(StreamPhysicalWindowAggregate aggregate, RelNode input) {
    try {
      return AggsHandlerCodeGenerator.generate(
          input.getRowType(), aggregate.grouping(), aggregate.calls(), false, "SlicedWindowAgg")
          .mergeable();
    } catch (UnsupportedExpressionException e) {
      // Not something this pass decides: the aggregation stays as it is and translation reports it.
      return false;
    }
  }
}
