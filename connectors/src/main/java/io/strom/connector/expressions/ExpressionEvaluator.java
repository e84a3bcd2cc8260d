package io.strom.connector.expressions;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates offered filters on Java values with SQL's three-valued logic (null is UNKNOWN), for
 * sources that decide up front which of their rows a filter can accept. Numbers of different
 * types compare by value.
 */
public final class ExpressionEvaluator {
  private ExpressionEvaluator() {}

  /**
   * The value of {@code expression}, fields read through {@code fields} (Java values as in
   * {@link ValueLiteral}, null for NULL).
   */
  public static Object evaluate(ResolvedExpression expression, Function<FieldReference, Object> fields) {
    if (expression instanceof FieldReference field) {
      return fields.apply(field);
    }
    if (expression instanceof ValueLiteral literal) {
      return literal.value();
    }
    return call((CallExpression) expression, fields);
  }

  private static Object call(CallExpression call, Function<FieldReference, Object> fields) {
    List<ResolvedExpression> operands = call.operands();
    switch (call.operator()) {
      case AND -> {
        boolean unknown = false;
        for (ResolvedExpression operand : operands) {
          Object value = evaluate(operand, fields);
          if (Boolean.FALSE.equals(value)) {
            return false;
          }
          unknown |= value == null;
        }
        return unknown ? null : true;
      }
      case OR -> {
        boolean unknown = false;
        for (ResolvedExpression operand : operands) {
          Object value = evaluate(operand, fields);
          if (Boolean.TRUE.equals(value)) {
            return true;
          }
          unknown |= value == null;
        }
        return unknown ? null : false;
      }
      case NOT -> {
        Object value = evaluate(operands.get(0), fields);
        return value == null ? null : !(Boolean) value;
      }
      case IS_NULL -> {
        return evaluate(operands.get(0), fields) == null;
      }
      case IS_NOT_NULL -> {
        return evaluate(operands.get(0), fields) != null;
      }
      case IN -> {
        Object value = evaluate(operands.get(0), fields);
        if (value == null) {
          return null;
        }
        boolean unknown = false;
        for (ResolvedExpression candidate : operands.subList(1, operands.size())) {
          Object other = evaluate(candidate, fields);
          if (other == null) {
            unknown = true;
          } else if (compare(value, other) == 0) {
            return true;
          }
        }
        return unknown ? null : false;
      }
      default -> {
        Object left = evaluate(operands.get(0), fields);
        Object right = evaluate(operands.get(1), fields);
        if (left == null || right == null) {
          return null;
        }
        int order = compare(left, right);
        return switch (call.operator()) {
          case EQUALS -> order == 0;
          case NOT_EQUALS -> order != 0;
          case LESS_THAN -> order < 0;
          case LESS_THAN_OR_EQUAL -> order <= 0;
          case GREATER_THAN -> order > 0;
          case GREATER_THAN_OR_EQUAL -> order >= 0;
          default -> throw new IllegalStateException("Unexpected operator " + call.operator());
        };
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object left, Object right) {
    if (left instanceof Number a && right instanceof Number b) {
      return decimal(a).compareTo(decimal(b));
    }
    if (left.getClass() != right.getClass() || !(left instanceof Comparable)) {
      throw new IllegalArgumentException(
          "Cannot compare " + left.getClass().getSimpleName() + " with "
              + right.getClass().getSimpleName());
    }
    return ((Comparable) left).compareTo(right);
  }

  private static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal d) {
      return d;
    }
    if (number instanceof Double || number instanceof Float) {
      return BigDecimal.valueOf(number.doubleValue());
    }
    return BigDecimal.valueOf(number.longValue());
  }
}
