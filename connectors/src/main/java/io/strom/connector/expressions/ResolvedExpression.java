package io.strom.connector.expressions;

import io.strom.types.LogicalType;

/**
 * A filter expression as a connector sees it: resolved against the source's produced row and
 * typed, without the planner's own classes. Its {@link #toString()} is the form EXPLAIN prints.
 */
public sealed interface ResolvedExpression
    permits FieldReference, ValueLiteral, CallExpression {

  /** The SQL type of the expression's value. */
  LogicalType type();
}
