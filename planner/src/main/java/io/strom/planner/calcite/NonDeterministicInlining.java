package io.strom.planner.calcite;

import java.util.List;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;

/**
 * Whether replacing references to the fields a node computes by the expressions that compute them
 * (merging two projections, two calcs, or moving a filter below a projection) would evaluate a
 * non-deterministic expression ({@code RAND()}, {@code RAND_INTEGER()}, {@code NOW()} and the
 * other per-row time functions, {@code PROCTIME()}) more often than once per row.
 *
 * <p>As in Flink, such an expression is computed once where the query computes it, and every
 * reference reads that one value: {@code SELECT r, r FROM (SELECT RAND() AS r FROM t)} gives two
 * equal columns. A field read once may be inlined: the expression is still evaluated once.
 */
public final class NonDeterministicInlining {
  private NonDeterministicInlining() {}

  /**
   * Whether inlining {@code producers} (the expressions of the fields {@code consumers} read by
   * position) into {@code consumers} would evaluate a non-deterministic producer more than once.
   */
  public static boolean repeats(List<RexNode> consumers, List<RexNode> producers) {
    int[] reads = readCounts(consumers, producers.size());
    for (int i = 0; i < producers.size(); i++) {
      if (reads[i] > 1 && !RexUtil.isDeterministic(producers.get(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code consumer} reads a field whose expression in {@code producers} is
   * non-deterministic.
   */
  public static boolean reads(RexNode consumer, List<RexNode> producers) {
    int[] reads = readCounts(List.of(consumer), producers.size());
    for (int i = 0; i < producers.size(); i++) {
      if (reads[i] > 0 && !RexUtil.isDeterministic(producers.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** How often each input field is referenced, every occurrence counted. */
  private static int[] readCounts(List<RexNode> consumers, int fieldCount) {
    int[] counts = new int[fieldCount];
    RexVisitorImpl<Void> counter =
        new RexVisitorImpl<>(true) {
          @Override
          public Void visitInputRef(RexInputRef ref) {
            if (ref.getIndex() < fieldCount) {
              counts[ref.getIndex()]++;
            }
            return null;
          }
        };
    for (RexNode consumer : consumers) {
      consumer.accept(counter);
    }
    return counts;
  }
}
