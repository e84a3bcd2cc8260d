package io.strom.table.api;

import io.strom.planner.ValidationException;
import io.strom.types.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * An expression of the Table API: a column ({@code $("amount")}), a literal ({@code lit(5)}) or a
 * call built from them ({@code $("amount").times(2).isGreater(10)}). It is written as SQL when the
 * table operation using it is validated, so it follows SQL's types and rules exactly and reports
 * the same errors.
 *
 * <p>Arguments of methods may be expressions or plain Java values, which become literals.
 */
public final class Expression {
  /** What an expression is, where operations treat kinds differently. */
  enum Kind {
    COLUMN,
    ALIAS,
    ORDERING,
    WINDOW_PROPERTY,
    INTERVAL,
    OTHER
  }

  private final Kind kind;
  private final Function<SqlScope, String> sql;
  /** The column name for {@link Kind#COLUMN}, the names for {@link Kind#ALIAS}; else empty. */
  private final List<String> names;
  /** The interval value in SQL for {@link Kind#INTERVAL}: rows or a time span. */
  private final Expression aliased;

  private Expression(Kind kind, Function<SqlScope, String> sql, List<String> names, Expression aliased) {
    this.kind = kind;
    this.sql = sql;
    this.names = List.copyOf(names);
    this.aliased = aliased;
  }

  static Expression column(String name) {
    if (name.equals("*")) {
      return new Expression(Kind.COLUMN, scope -> "*", List.of("*"), null);
    }
    return new Expression(Kind.COLUMN, scope -> SqlText.quote(name), List.of(name), null);
  }

  static Expression sql(Function<SqlScope, String> sql) {
    return new Expression(Kind.OTHER, sql, List.of(), null);
  }

  static Expression constant(String sqlText) {
    return sql(scope -> sqlText);
  }

  static Expression of(Object value) {
    return value instanceof Expression e ? e : constant(SqlText.literal(value));
  }

  /** A call written by {@code template} from its operands' SQL. */
  static Expression call(Function<List<String>, String> template, Object... operands) {
    List<Expression> args = new ArrayList<>();
    for (Object operand : operands) {
      args.add(of(operand));
    }
    return sql(scope -> {
      List<String> texts = new ArrayList<>();
      for (Expression arg : args) {
        texts.add(arg.toSql(scope));
      }
      return template.apply(texts);
    });
  }

  static Expression function(String name, Object... operands) {
    return call(args -> name + "(" + String.join(", ", args) + ")", operands);
  }

  private Expression infix(String operator, Object other) {
    return call(args -> "(" + args.get(0) + " " + operator + " " + args.get(1) + ")", this, other);
  }

  private Expression postfix(String operator) {
    return call(args -> "(" + args.get(0) + " " + operator + ")", this);
  }

  Kind kind() {
    return kind;
  }

  /** The name a select gives this expression's column, or null when it has none of its own. */
  String columnName() {
    return kind == Kind.COLUMN || kind == Kind.ALIAS ? names.get(0) : null;
  }

  List<String> names() {
    return names;
  }

  /** The expression an alias or ordering applies to. */
  Expression inner() {
    return aliased;
  }

  String toSql(SqlScope scope) {
    return sql.apply(scope);
  }

  // ---- naming and ordering

  /** Names the expression's column: {@code $("a").plus(1).as("b")}. */
  public Expression as(String name, String... more) {
    List<String> all = new ArrayList<>();
    all.add(name);
    all.addAll(Arrays.asList(more));
    Expression target = kind == Kind.ALIAS ? aliased : this;
    return new Expression(
        Kind.ALIAS, scope -> target.toSql(scope) + " AS " + SqlText.quote(name), all, target);
  }

  public Expression asc() {
    return ordering(" ASC");
  }

  public Expression desc() {
    return ordering(" DESC");
  }

  public Expression nullsFirst() {
    return ordering(" NULLS FIRST");
  }

  public Expression nullsLast() {
    return ordering(" NULLS LAST");
  }

  private Expression ordering(String suffix) {
    Expression self = this;
    return new Expression(Kind.ORDERING, scope -> self.toSql(scope) + suffix, List.of(), self);
  }

  // ---- arithmetic

  public Expression plus(Object other) {
    return infix("+", other);
  }

  public Expression minus(Object other) {
    return infix("-", other);
  }

  public Expression times(Object other) {
    return infix("*", other);
  }

  public Expression dividedBy(Object other) {
    return infix("/", other);
  }

  public Expression mod(Object other) {
    return function("MOD", this, other);
  }

  public Expression power(Object other) {
    return function("POWER", this, other);
  }

  public Expression abs() {
    return function("ABS", this);
  }

  public Expression floor() {
    return function("FLOOR", this);
  }

  public Expression ceil() {
    return function("CEIL", this);
  }

  public Expression round(Object places) {
    return function("ROUND", this, places);
  }

  public Expression sqrt() {
    return function("SQRT", this);
  }

  public Expression ln() {
    return function("LN", this);
  }

  public Expression exp() {
    return function("EXP", this);
  }

  public Expression log10() {
    return function("LOG10", this);
  }

  public Expression negate() {
    return call(args -> "(- " + args.get(0) + ")", this);
  }

  // ---- comparison and logic

  public Expression isEqual(Object other) {
    return infix("=", other);
  }

  public Expression isNotEqual(Object other) {
    return infix("<>", other);
  }

  public Expression isGreater(Object other) {
    return infix(">", other);
  }

  public Expression isGreaterOrEqual(Object other) {
    return infix(">=", other);
  }

  public Expression isLess(Object other) {
    return infix("<", other);
  }

  public Expression isLessOrEqual(Object other) {
    return infix("<=", other);
  }

  public Expression isDistinctFrom(Object other) {
    return infix("IS DISTINCT FROM", other);
  }

  public Expression isNotDistinctFrom(Object other) {
    return infix("IS NOT DISTINCT FROM", other);
  }

  public Expression between(Object lower, Object upper) {
    return call(args -> "(" + args.get(0) + " BETWEEN " + args.get(1) + " AND " + args.get(2) + ")",
        this, lower, upper);
  }

  public Expression notBetween(Object lower, Object upper) {
    return call(args -> "(" + args.get(0) + " NOT BETWEEN " + args.get(1) + " AND " + args.get(2) + ")",
        this, lower, upper);
  }

  /** {@code this IN (values...)}. */
  public Expression in(Object... values) {
    Object[] operands = new Object[values.length + 1];
    operands[0] = this;
    System.arraycopy(values, 0, operands, 1, values.length);
    return call(args -> "(" + args.get(0) + " IN (" + String.join(", ", args.subList(1, args.size())) + "))",
        operands);
  }

  /** {@code this IN (SELECT ...)}: the table must have one column. */
  public Expression in(Table values) {
    Expression self = this;
    return sql(scope -> "(" + self.toSql(scope) + " IN (" + values.sql() + "))");
  }

  public Expression and(Object other) {
    return infix("AND", other);
  }

  public Expression or(Object other) {
    return infix("OR", other);
  }

  public Expression not() {
    return call(args -> "(NOT " + args.get(0) + ")", this);
  }

  public Expression isNull() {
    return postfix("IS NULL");
  }

  public Expression isNotNull() {
    return postfix("IS NOT NULL");
  }

  public Expression isTrue() {
    return postfix("IS TRUE");
  }

  public Expression isFalse() {
    return postfix("IS FALSE");
  }

  public Expression isNotTrue() {
    return postfix("IS NOT TRUE");
  }

  public Expression isNotFalse() {
    return postfix("IS NOT FALSE");
  }

  // ---- strings

  public Expression like(Object pattern) {
    return infix("LIKE", pattern);
  }

  public Expression similar(Object pattern) {
    return infix("SIMILAR TO", pattern);
  }

  public Expression upperCase() {
    return function("UPPER", this);
  }

  public Expression lowerCase() {
    return function("LOWER", this);
  }

  public Expression charLength() {
    return function("CHAR_LENGTH", this);
  }

  public Expression trim() {
    return function("TRIM", this);
  }

  public Expression initCap() {
    return function("INITCAP", this);
  }

  /** The substring from 1-based {@code start} to the end. */
  public Expression substring(Object start) {
    return function("SUBSTRING", this, start);
  }

  public Expression substring(Object start, Object length) {
    return function("SUBSTRING", this, start, length);
  }

  public Expression position(Object haystack) {
    return call(args -> "POSITION(" + args.get(0) + " IN " + args.get(1) + ")", this, haystack);
  }

  public Expression replace(Object search, Object replacement) {
    return function("REPLACE", this, search, replacement);
  }

  public Expression regexpExtract(Object regex, Object group) {
    return function("REGEXP_EXTRACT", this, regex, group);
  }

  // ---- types and nulls

  public Expression cast(LogicalType type) {
    return call(args -> "CAST(" + args.get(0) + " AS " + SqlText.type(type) + ")", this);
  }

  public Expression tryCast(LogicalType type) {
    return call(args -> "TRY_CAST(" + args.get(0) + " AS " + SqlText.type(type) + ")", this);
  }

  /** {@code this}, or {@code fallback} when this is NULL. */
  public Expression ifNull(Object fallback) {
    return function("IFNULL", this, fallback);
  }

  // ---- composite values

  /** The field {@code name} of a ROW value. */
  public Expression get(String name) {
    return call(args -> "(" + args.get(0) + ")." + SqlText.quote(name), this);
  }

  /** The element at 1-based {@code index} of an ARRAY, or the value of a MAP key. */
  public Expression at(Object index) {
    return call(args -> args.get(0) + "[" + args.get(1) + "]", this, index);
  }

  public Expression cardinality() {
    return function("CARDINALITY", this);
  }

  // ---- time

  /** {@code this} as an interval of years (this must be an integer literal or expression). */
  public Expression years() {
    return interval("YEAR");
  }

  public Expression months() {
    return interval("MONTH");
  }

  public Expression days() {
    return interval("DAY");
  }

  public Expression hours() {
    return interval("HOUR");
  }

  public Expression minutes() {
    return interval("MINUTE");
  }

  public Expression seconds() {
    return interval("SECOND");
  }

  public Expression millis() {
    Expression self = this;
    return new Expression(
        Kind.INTERVAL, scope -> "(" + self.toSql(scope) + " * INTERVAL '0.001' SECOND)", List.of(), null);
  }

  /** A count of rows, for OVER windows' {@code preceding}. */
  static Expression rowCount(String sqlText) {
    return new Expression(Kind.INTERVAL, scope -> sqlText, List.of("ROWS"), null);
  }

  /** Whether this is a count of rows rather than a span of time. */
  boolean isRowCount() {
    return kind == Kind.INTERVAL && names.equals(List.of("ROWS"));
  }

  private Expression interval(String unit) {
    Expression self = this;
    return new Expression(
        Kind.INTERVAL,
        scope -> {
          String value = self.toSql(scope);
          return value.matches("-?\\d+")
              ? "INTERVAL '" + value + "' " + unit
              : "(" + value + " * INTERVAL '1' " + unit + ")";
        },
        List.of(),
        null);
  }

  public Expression extract(String unit) {
    return call(args -> "EXTRACT(" + unit + " FROM " + args.get(0) + ")", this);
  }

  // ---- aggregates

  public Expression sum() {
    return function("SUM", this);
  }

  public Expression sum0() {
    return function("$SUM0", this);
  }

  public Expression count() {
    return function("COUNT", this);
  }

  public Expression avg() {
    return function("AVG", this);
  }

  public Expression min() {
    return function("MIN", this);
  }

  public Expression max() {
    return function("MAX", this);
  }

  public Expression firstValue() {
    return function("FIRST_VALUE", this);
  }

  public Expression lastValue() {
    return function("LAST_VALUE", this);
  }

  public Expression listAgg(Object separator) {
    return function("LISTAGG", this, separator);
  }

  public Expression stddevPop() {
    return function("STDDEV_POP", this);
  }

  public Expression varPop() {
    return function("VAR_POP", this);
  }

  /**
   * Marks an aggregate's input as distinct: {@code $("user").distinct().count()} counts distinct
   * users.
   */
  public Expression distinct() {
    return call(args -> "DISTINCT " + args.get(0), this);
  }

  // ---- windows

  /** The start of the group window this expression names: {@code $("w").start()}. */
  public Expression start() {
    return windowProperty("window_start");
  }

  /** The end (exclusive) of the group window this expression names. */
  public Expression end() {
    return windowProperty("window_end");
  }

  /** The event-time attribute of the group window this expression names (its end minus 1 ms). */
  public Expression rowtime() {
    return windowProperty("window_time");
  }

  private Expression windowProperty(String column) {
    if (kind != Kind.COLUMN) {
      throw new ValidationException(
          "Window properties such as start() apply to a window's name, e.g. $(\"w\").start()");
    }
    String window = names.get(0);
    return new Expression(
        Kind.WINDOW_PROPERTY,
        scope -> {
          if (!window.equals(scope.windowAlias())) {
            throw new ValidationException(
                "'" + window + "' is not a window of this query"
                    + (scope.windowAlias() == null ? "" : "; its window is '" + scope.windowAlias() + "'"));
          }
          return SqlText.quote(column);
        },
        List.of(window),
        null);
  }

  /** This aggregate over an OVER window defined with {@link Table#window(OverWindow...)}. */
  public Expression over(Object window) {
    Expression self = this;
    String alias = window instanceof Expression e && e.kind == Kind.COLUMN ? e.names.get(0) : String.valueOf(window);
    return sql(scope -> self.toSql(scope) + " OVER " + scope.overWindow(alias));
  }

  @Override
  public String toString() {
    try {
      return toSql(SqlScope.NONE);
    } catch (RuntimeException e) {
      return "expression";
    }
  }
}
