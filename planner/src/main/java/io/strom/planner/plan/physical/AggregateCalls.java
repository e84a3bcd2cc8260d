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
}
