package io.strom.planner.plan.physical;

import java.util.Optional;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;

/**
 * A node of a streaming physical plan: it knows how it runs (and, as the plan grows, which changes
 * it emits and what state it keeps).
 */
public interface StreamPhysicalRel extends RelNode {

  /** The calling convention of physical streaming nodes. */
  Convention STREAM_PHYSICAL = new Convention.Impl("STREAM_PHYSICAL", StreamPhysicalRel.class);

  /** The node's name in plans, as Flink prints it: {@code Calc}, {@code TableSourceScan}. */
  String planName();

  /**
   * What this node keeps in state while the query runs, as EXPLAIN shows it; empty for a
   * stateless node.
   */
  default Optional<StateDescription> state(StateDescription.Context context) {
    return Optional.empty();
  }
}
