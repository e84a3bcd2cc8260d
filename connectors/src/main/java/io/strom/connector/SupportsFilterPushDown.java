package io.strom.connector;

import static java.util.Objects.requireNonNull;

import io.strom.connector.expressions.ResolvedExpression;
import java.util.List;

/**
 * Ability of a {@link ScanTableSource} to skip rows by itself: the planner offers the conjuncts of
 * a query's filter over the scan, and the source answers which ones it applies (it then produces
 * no row they reject) and which ones the query must still evaluate. A filter may be in both lists
 * when the source applies it only in part.
 *
 * <p>Offered conjuncts reference fields of the source's produced row (after projection push-down);
 * forms the planner cannot express as {@link ResolvedExpression}s are never offered.
 */
public interface SupportsFilterPushDown {

  /** Apply what the source can of these conjuncts, all of which every produced row must meet. */
  Result applyFilters(List<ResolvedExpression> filters);

  /**
   * Whether conjuncts may also be offered from above the table's watermark assigner. Dropping a
   * row before the assigner can only hold the watermark back, never move it ahead; a source whose
   * rows come in event-time order per split (so no row is late either way) may say yes, since
   * then the query's rows do not change.
   */
  default boolean acceptsFiltersBelowWatermark() {
    return false;
  }

  /** The source's answer: the conjuncts it applies, and those the query keeps evaluating. */
  record Result(List<ResolvedExpression> accepted, List<ResolvedExpression> remaining) {
    public Result {
      accepted = List.copyOf(requireNonNull(accepted, "accepted"));
      remaining = List.copyOf(requireNonNull(remaining, "remaining"));
    }
  }
}
