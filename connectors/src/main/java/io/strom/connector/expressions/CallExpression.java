package io.strom.connector.expressions;

import static java.util.Objects.requireNonNull;

import io.strom.types.DataTypes;
import io.strom.types.LogicalType;
import java.util.List;
import java.util.stream.Collectors;

/** A call of one of the operators a filter may be offered in, e.g. {@code =(event_type, 2)}. */
public record CallExpression(Operator operator, List<ResolvedExpression> operands)
    implements ResolvedExpression {

  /** The operators of offered filters, with SQL's three-valued logic. */
  public enum Operator {
    EQUALS("="),
    NOT_EQUALS("<>"),
    LESS_THAN("<"),
    LESS_THAN_OR_EQUAL("<="),
    GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">="),
    /** Two or more operands. */
    AND("AND"),
    /** Two or more operands. */
    OR("OR"),
    NOT("NOT"),
    IS_NULL("IS NULL"),
    IS_NOT_NULL("IS NOT NULL"),
    /** The first operand among the others (literals). */
    IN("IN");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  public CallExpression {
    requireNonNull(operator, "operator");
    operands = List.copyOf(requireNonNull(operands, "operands"));
    if (operands.isEmpty()) {
      throw new IllegalArgumentException(operator + " needs operands");
    }
  }

  public static CallExpression of(Operator operator, ResolvedExpression... operands) {
    return new CallExpression(operator, List.of(operands));
  }

  @Override
  public LogicalType type() {
    return DataTypes.BOOLEAN();
  }

  @Override
  public String toString() {
    return operator.symbol()
        + operands.stream().map(Object::toString).collect(Collectors.joining(", ", "(", ")"));
  }
}
