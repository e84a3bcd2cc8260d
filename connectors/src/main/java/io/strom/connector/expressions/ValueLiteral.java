package io.strom.connector.expressions;

import static java.util.Objects.requireNonNull;

import io.strom.types.LogicalType;
import java.math.BigDecimal;

/**
 * A constant: null, or a Java value of its type ({@code Boolean}, {@code Byte}, {@code Short},
 * {@code Integer}, {@code Long}, {@code Float}, {@code Double}, {@code BigDecimal} or {@code
 * String}).
 */
public record ValueLiteral(Object value, LogicalType type) implements ResolvedExpression {
  public ValueLiteral {
    requireNonNull(type, "type");
  }

  @Override
  public String toString() {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return "'" + s.replace("'", "''") + "'";
    }
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }
}
