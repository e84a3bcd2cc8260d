package io.strom.planner.plan.physical;

import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;

/** How aggregate calls read in plans: {@code COUNT(DISTINCT b)}, {@code SUM(a) FILTER $f3}. */
final class AggregateCalls {
  private AggregateCalls() {}

  static String describe(AggregateCall call, List<String> inputNames) {
    StringBuilder s = new StringBuilder(call.getAggregation().getName()).append('(');
    if (call.isDistinct()) {
      s.append("DISTINCT ");
    }
    if (call.getArgList().isEmpty()) {
      s.append('*');
    }
    for (int i = 0; i < call.getArgList().size(); i++) {
      s.append(i == 0 ? "" : ", ").append(inputNames.get(call.getArgList().get(i)));
    }
    s.append(')');
    if (call.filterArg >= 0) {
      s.append(" FILTER ").append(inputNames.get(call.filterArg));
    }
    return s.toString();
  }

  /**
   * The {@code groupBy} and {@code select} terms of an aggregation in plans: the grouping fields,
   * then the keys and each call with its output name.
   */
  static String[] groupByAndSelect(
      int[] grouping, List<AggregateCall> calls, List<String> inputNames, List<String> outputNames) {
    StringBuilder groupBy = new StringBuilder();
    StringBuilder select = new StringBuilder();
    for (int key : grouping) {
      groupBy.append(groupBy.length() == 0 ? "" : ", ").append(inputNames.get(key));
      select.append(select.length() == 0 ? "" : ", ").append(inputNames.get(key));
    }
    for (int i = 0; i < calls.size(); i++) {
      select.append(select.length() == 0 ? "" : ", ")
          .append(describe(calls.get(i), inputNames))
          .append(" AS ").append(outputNames.get(grouping.length + i));
    }
    return new String[] {groupBy.toString(), select.toString()};
  }
}
