package io.strom.connector.nexmark;

import io.strom.connector.SupportsFilterPushDown;
import io.strom.connector.expressions.CallExpression;
import io.strom.connector.expressions.ExpressionEvaluator;
import io.strom.connector.expressions.FieldReference;
import io.strom.connector.expressions.ResolvedExpression;
import io.strom.connector.expressions.ValueLiteral;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The kinds of events a {@code nexmark} scan produces (person, auction, bid), narrowed by pushed
 * filters on {@code event_type}: the views {@code person}, {@code auction} and {@code bid} read one
 * kind each, and a reader then skips the other events instead of building their rows. Since every
 * event is generated from the seed and its own number, skipping some changes none of the others.
 */
record EventKindFilter(boolean person, boolean auction, boolean bid) implements Serializable {
  static final EventKindFilter ALL = new EventKindFilter(true, true, true);

  boolean accepts(int kind) {
    return switch (kind) {
      case NexmarkIds.PERSON -> person;
      case NexmarkIds.AUCTION -> auction;
      default -> bid;
    };
  }

  boolean acceptsAll() {
    return person && auction && bid;
  }

  /**
   * Takes the conjuncts that read {@code event_type} alone (the field {@code eventTypeIndex} of
   * the produced row): their outcome on each kind is known, so the scan applies them completely.
   */
  static Narrowed narrow(EventKindFilter kinds, List<ResolvedExpression> filters, int eventTypeIndex) {
    boolean[] accepted = {kinds.person, kinds.auction, kinds.bid};
    List<ResolvedExpression> applied = new ArrayList<>();
    List<ResolvedExpression> remaining = new ArrayList<>();
    for (ResolvedExpression filter : filters) {
      boolean[] outcome = outcomePerKind(filter, eventTypeIndex);
      if (outcome == null) {
        remaining.add(filter);
        continue;
      }
      applied.add(filter);
      for (int kind = 0; kind < accepted.length; kind++) {
        accepted[kind] &= outcome[kind];
      }
    }
    return new Narrowed(
        new EventKindFilter(accepted[0], accepted[1], accepted[2]),
        new SupportsFilterPushDown.Result(applied, remaining));
  }

  /** The narrowed kinds and the answer to give the planner. */
  record Narrowed(EventKindFilter kinds, SupportsFilterPushDown.Result result) {}

  /** Whether the filter accepts each kind, or null when it reads more than event_type. */
  private static boolean[] outcomePerKind(ResolvedExpression filter, int eventTypeIndex) {
    if (!readsOnly(filter, eventTypeIndex)) {
      return null;
    }
    boolean[] outcome = new boolean[3];
    for (int kind = 0; kind < outcome.length; kind++) {
      int value = kind;
      try {
        outcome[kind] = Boolean.TRUE.equals(ExpressionEvaluator.evaluate(filter, field -> value));
      } catch (IllegalArgumentException e) {
        // Compares event_type with something that is not a number: leave it to the query.
        return null;
      }
    }
    return outcome;
  }

  private static boolean readsOnly(ResolvedExpression expression, int eventTypeIndex) {
    if (expression instanceof FieldReference field) {
      return field.index() == eventTypeIndex;
    }
    if (expression instanceof ValueLiteral) {
      return true;
    }
    for (ResolvedExpression operand : ((CallExpression) expression).operands()) {
      if (!readsOnly(operand, eventTypeIndex)) {
        return false;
      }
    }
    return true;
  }
}
