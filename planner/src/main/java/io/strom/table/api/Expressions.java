package io.strom.table.api;

import io.strom.types.LogicalType;

/**
 * Where Table API expressions start: {@code import static io.strom.table.api.Expressions.*;} then
 * {@code $("amount").times(lit(2))}.
 */
public final class Expressions {
  private Expressions() {}

  /** The column called {@code name}; {@code $("*")} is every column. */
  public static Expression $(String name) {
    return Expression.column(name);
  }

  /** The same as {@link #$}. */
  public static Expression col(String name) {
    return Expression.column(name);
  }

  /**
   * A literal: {@code Integer} is INT, {@code Long} BIGINT, {@code Double} DOUBLE, {@code String}
   * STRING, {@code BigDecimal} DECIMAL, {@code LocalDate} DATE, {@code LocalDateTime} TIMESTAMP, ...
   */
  public static Expression lit(Object value) {
    return Expression.of(value);
  }

  /** A literal of a given type, e.g. {@code lit(1, DataTypes.TINYINT())}. */
  public static Expression lit(Object value, LogicalType type) {
    return Expression.of(value).cast(type);
  }

  /** A NULL of a given type. */
  public static Expression nullOf(LogicalType type) {
    return Expression.constant("CAST(NULL AS " + SqlText.type(type) + ")");
  }

  /** A call of a function by name: a built-in or one registered with the environment. */
  public static Expression call(String function, Object... arguments) {
    return Expression.function(SqlText.quote(function), arguments);
  }

  /** An expression written in SQL, e.g. {@code callSql("UPPER(name)")}. */
  public static Expression callSql(String sqlExpression) {
    return Expression.constant("(" + sqlExpression + ")");
  }

  public static Expression and(Object first, Object second, Object... more) {
    Expression result = Expression.of(first).and(second);
    for (Object next : more) {
      result = result.and(next);
    }
    return result;
  }

  public static Expression or(Object first, Object second, Object... more) {
    Expression result = Expression.of(first).or(second);
    for (Object next : more) {
      result = result.or(next);
    }
    return result;
  }

  public static Expression not(Object expression) {
    return Expression.of(expression).not();
  }

  /** {@code CASE WHEN condition THEN ifTrue ELSE ifFalse END}. */
  public static Expression ifThenElse(Object condition, Object ifTrue, Object ifFalse) {
    return Expression.call(
        args -> "CASE WHEN " + args.get(0) + " THEN " + args.get(1) + " ELSE " + args.get(2) + " END",
        condition, ifTrue, ifFalse);
  }

  /** The first argument that is not NULL. */
  public static Expression coalesce(Object... values) {
    return Expression.function("COALESCE", values);
  }

  public static Expression concat(Object... strings) {
    return Expression.function("CONCAT", strings);
  }

  public static Expression concatWs(Object separator, Object... strings) {
    Object[] operands = new Object[strings.length + 1];
    operands[0] = separator;
    System.arraycopy(strings, 0, operands, 1, strings.length);
    return Expression.function("CONCAT_WS", operands);
  }

  /** A ROW value of the given fields. */
  public static Expression row(Object first, Object... more) {
    Object[] operands = new Object[more.length + 1];
    operands[0] = first;
    System.arraycopy(more, 0, operands, 1, more.length);
    return Expression.function("ROW", operands);
  }

  public static Expression array(Object first, Object... more) {
    Object[] operands = new Object[more.length + 1];
    operands[0] = first;
    System.arraycopy(more, 0, operands, 1, more.length);
    return Expression.call(args -> "ARRAY[" + String.join(", ", args) + "]", operands);
  }

  /** A MAP of alternating keys and values. */
  public static Expression map(Object key, Object value, Object... more) {
    Object[] operands = new Object[more.length + 2];
    operands[0] = key;
    operands[1] = value;
    System.arraycopy(more, 0, operands, 2, more.length);
    return Expression.call(args -> "MAP[" + String.join(", ", args) + "]", operands);
  }

  public static Expression currentTimestamp() {
    return Expression.constant("CURRENT_TIMESTAMP");
  }

  public static Expression currentDate() {
    return Expression.constant("CURRENT_DATE");
  }

  public static Expression localTimestamp() {
    return Expression.constant("LOCALTIMESTAMP");
  }

  /** Every preceding row of an OVER window: {@code Over...preceding(UNBOUNDED_ROW)}. */
  public static final Expression UNBOUNDED_ROW = Expression.rowCount("UNBOUNDED");

  /** Every preceding row by time of an OVER window. */
  public static final Expression UNBOUNDED_RANGE = Expression.constant("UNBOUNDED");

  /** An OVER window that ends at the current row. */
  public static final Expression CURRENT_ROW = Expression.rowCount("CURRENT ROW");

  /** An OVER window that ends at the current row's time (rows of equal time included). */
  public static final Expression CURRENT_RANGE = Expression.constant("CURRENT ROW");

  /** A count of rows for an OVER window's {@code preceding}. */
  public static Expression rowInterval(long rows) {
    return Expression.rowCount(Long.toString(rows));
  }
}
