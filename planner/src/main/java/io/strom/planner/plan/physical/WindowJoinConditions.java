package io.strom.planner.plan.physical;

import io.strom.planner.ValidationException;
import io.strom.runtime.sql.window.SqlWindow;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;

/**
 * Recognizes a window join as Flink does: a join whose equality keys pair the {@code
 * window_start} of one input with that of the other and likewise their {@code window_end}, each
 * column coming unchanged from a window table function (directly or through window aggregations
 * and window joins). Such a join needs both equalities, the same window on both sides, and event
 * time; a join with neither equality stays a regular join.
 */
final class WindowJoinConditions {
  /** {@link WindowTableFunctions.Origin#column()} of {@code window_start}. */
  private static final int START = 0;

  /** {@link WindowTableFunctions.Origin#column()} of {@code window_end}. */
  private static final int END = 1;

  /** What a window join needs to know besides the join itself. */
  record Recognized(
      SqlWindow window,
      StreamPhysicalWindowJoin.WindowColumns left,
      StreamPhysicalWindowJoin.WindowColumns right) {}

  /** An equality of two window columns of the same kind (both starts or both ends). */
  private record Pair(int left, int right, WindowTableFunctions.Origin leftOrigin,
      WindowTableFunctions.Origin rightOrigin) {}

  private WindowJoinConditions() {}

  /**
   * The window join {@code join} is over these converted inputs, or null when it is a regular
   * join; a condition that equates only one of the window columns, or windows that differ, are
   * refused as in Flink.
   */
  static Recognized forJoin(Join join, RelNode left, RelNode right) {
    JoinInfo info = join.analyzeCondition();
    Pair start = null;
    Pair end = null;
    for (int i = 0; i < info.leftKeys.size(); i++) {
      int l = info.leftKeys.get(i);
      int r = info.rightKeys.get(i);
      WindowTableFunctions.Origin lo = WindowTableFunctions.origin(left, l);
      WindowTableFunctions.Origin ro = WindowTableFunctions.origin(right, r);
      if (lo == null || ro == null || lo.column() != ro.column()) {
        continue;
      }
      if (lo.column() == START && start == null) {
        start = new Pair(l, r, lo, ro);
      } else if (lo.column() == END && end == null) {
        end = new Pair(l, r, lo, ro);
      }
    }
    if (start == null && end == null) {
      return null;
    }
    if (start == null || end == null) {
      throw new ValidationException("A window join needs its ON condition to equate both the"
          + " window starts and the window ends of its inputs, but it equates only their window "
          + (start == null ? "ends" : "starts") + ". Add L." + missing(start) + " = R."
          + missing(start) + " to the condition");
    }
    StreamPhysicalWindowTableFunction leftFunction = start.leftOrigin().function();
    StreamPhysicalWindowTableFunction rightFunction = start.rightOrigin().function();
    if (end.leftOrigin().function() != leftFunction
        || end.rightOrigin().function() != rightFunction) {
      throw new ValidationException("A window join needs the window start and end of each input to"
          + " come from the same window table function");
    }
    check(leftFunction, rightFunction);
    return new Recognized(
        leftFunction.window(),
        new StreamPhysicalWindowJoin.WindowColumns(start.left(), end.left()),
        new StreamPhysicalWindowJoin.WindowColumns(start.right(), end.right()));
  }

  /** Both windows alike, on event time, and not sessions straight from their function. */
  private static void check(
      StreamPhysicalWindowTableFunction left, StreamPhysicalWindowTableFunction right) {
    if (left.isEventTime() != right.isEventTime()) {
      throw new ValidationException("A window join needs the same kind of time attribute on both"
          + " inputs, but the left windows are on " + timeKind(left) + " and the right windows on "
          + timeKind(right));
    }
    if (!left.window().equals(right.window())) {
      throw new ValidationException("A window join needs the same window on both inputs, but the"
          + " left window is " + left.window().describe() + " and the right window is "
          + right.window().describe() + ". Use the same window table function and intervals on"
          + " both sides");
    }
    if (!left.isEventTime()) {
      throw new ValidationException("Processing time Window Join is not supported yet: window"
          + " the inputs on an event-time attribute (a column with a WATERMARK), or join them"
          + " with an interval join on their processing times");
    }
    if (left.window().kind() == SqlWindow.Kind.SESSION) {
      throw new ValidationException("A window join cannot follow SESSION windows directly: use"
          + " TUMBLE, HOP or CUMULATE, or aggregate the sessions first");
    }
  }

  private static String missing(Pair start) {
    return start == null ? "window_start" : "window_end";
  }

  private static String timeKind(StreamPhysicalWindowTableFunction function) {
    return function.isEventTime() ? "event time" : "processing time";
  }

  /** Whether a side's window columns reach a join's output unchanged (an outer side pads them). */
  static boolean passesWindowColumns(Join join, boolean leftSide) {
    return leftSide ? !join.getJoinType().generatesNullsOnLeft()
        : !join.getJoinType().generatesNullsOnRight();
  }
}
