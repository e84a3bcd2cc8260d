package io.strom.planner.plan.translate;

import io.strom.planner.plan.PlanPrinter;
import io.strom.planner.plan.physical.StreamPhysicalCalc;
import io.strom.planner.plan.physical.StreamPhysicalCorrelate;
import io.strom.planner.plan.physical.StreamPhysicalExchange;
import io.strom.planner.plan.physical.StreamPhysicalExpand;
import io.strom.planner.plan.physical.StreamPhysicalLookupJoin;
import io.strom.planner.plan.physical.StreamPhysicalRel;
import io.strom.planner.plan.physical.StreamPhysicalUnion;
import io.strom.planner.plan.physical.StreamPhysicalWatermarkAssigner;
import io.strom.planner.plan.physical.StreamPhysicalWindowTableFunction;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexLocalRef;
import org.apache.calcite.rex.RexProgram;

/**
 * The state signature of a stateful operator of a SQL job: text that changes whenever the layout
 * or the meaning of the operator's state changes, digested into its uid (see {@link JobBuilder}).
 * A savepoint's state is then only restored into an operator that keeps the same thing.
 *
 * <p>It holds the node's own terms as the plan prints them (grouping keys, aggregate calls with
 * DISTINCT and FILTER, window kind and size, rank partition, order and range, deduplication's kept
 * row, join kind and condition, interval bounds, OVER partition, order and frame), whatever
 * the translation adds (an aggregation's accumulator type), and how the rows it keeps are computed
 * from its input's stateful operator or source: the projections of the calcs in between and the
 * terms of the other stateless operators there. The type of the input rows alone does not tell
 * {@code GROUP BY a + 1} from {@code GROUP BY a + 2}.
 *
 * <p>A calc's filter is left out on purpose: a changed filter constant upstream changes which
 * rows arrive, not what the kept ones mean, and restoring across it is what Flink users expect.
 * Operators above a stateful one are not part of it either, so a changed projection after an
 * aggregation keeps the aggregation's state.
 */
final class StateSignature {
  private StateSignature() {}

  /** The signature of stateful {@code node}, with {@code extras} the translation decides on. */
  static String of(StreamPhysicalRel node, Object... extras) {
    StringBuilder text = new StringBuilder(node.planName()).append('(')
        .append(PlanPrinter.terms(node)).append(')');
    for (Object extra : extras) {
      text.append("|").append(extra);
    }
    for (RelNode input : node.getInputs()) {
      text.append("|input:");
      appendFeed(input, text);
    }
    return text.toString();
  }

  /**
   * The stateless operators that compute the rows a stateful operator reads, down to the
   * previous stateful operator or source, whose own uid is already part of the digest.
   */
  private static void appendFeed(RelNode node, StringBuilder text) {
    if (node instanceof StreamPhysicalCalc calc) {
      RexProgram program = calc.getProgram();
      text.append("Calc[");
      for (RexLocalRef project : program.getProjectList()) {
        text.append(program.expandLocalRef(project)).append(';');
      }
      text.append(']');
    } else if (node instanceof StreamPhysicalExpand || node instanceof StreamPhysicalCorrelate
        || node instanceof StreamPhysicalWindowTableFunction
        || node instanceof StreamPhysicalLookupJoin) {
      text.append(((StreamPhysicalRel) node).planName()).append('[')
          .append(PlanPrinter.terms(node)).append(']');
    } else if (!(node instanceof StreamPhysicalExchange || node instanceof StreamPhysicalUnion
        || node instanceof StreamPhysicalWatermarkAssigner)) {
      // A stateful operator or a source: where the feed starts.
      return;
    }
    for (RelNode input : node.getInputs()) {
      text.append('<');
      appendFeed(input, text);
    }
  }
}
