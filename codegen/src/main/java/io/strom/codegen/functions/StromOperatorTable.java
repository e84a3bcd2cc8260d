package io.strom.codegen.functions;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * The operator table of Strom SQL: Flink's built-in functions ({@link FlinkFunctions}, plus the
 * few library operators Flink shares, such as {@code IF}), Calcite's standard operators for
 * everything Flink takes from Calcite unchanged, and any user-defined functions.
 *
 * <p>A Strom function hides Calcite's standard operator of the same name, so {@code ROUND} or
 * {@code CURRENT_TIMESTAMP} resolve to Flink's typing. Immutable.
 */
public final class StromOperatorTable implements SqlOperatorTable {
  /**
   * Calcite's standard functions that Strom runs when called by name, as Flink does. The standard
   * table also holds operators with a syntax of their own ({@code AND}, {@code LIKE}, {@code
   * UNION}, ...), internal ones ({@code SEARCH}, {@code SINGLE_VALUE}) and functions Flink does not
   * have or Strom does not run ({@code SIN}, {@code STDDEV}, {@code SESSION_USER}, ...): those
   * resolve, but are not offered by name.
   */
  private static final Set<String> STANDARD_FUNCTIONS_BY_NAME =
      Set.of(
          "ABS", "APPROX_COUNT_DISTINCT", "ARRAY", "AVG", "CAST", "CEIL",
          "CHARACTER_LENGTH", "CHAR_LENGTH", "COALESCE", "COLLECT", "COUNT", "DAYOFMONTH",
          "DAYOFWEEK", "DAYOFYEAR", "DENSE_RANK", "DESCRIPTOR", "ELEMENT", "EVERY", "EXP",
          "EXTRACT", "FLOOR", "GROUPING", "GROUPING_ID", "GROUP_ID", "HOP_END", "HOP_START",
          "HOUR", "JSON_ARRAY", "JSON_EXISTS", "JSON_OBJECT", "LISTAGG", "LN", "LOG10", "LOWER",
          "MAP", "MAX", "MIN", "MINUTE", "MOD", "MONTH", "NULLIF", "PI", "POSITION", "POWER",
          "QUARTER", "RAND", "RAND_INTEGER", "RANK", "REGR_COUNT", "ROW", "ROW_NUMBER", "SECOND",
          "SESSION_END", "SESSION_START", "SIGN", "SOME", "SQRT", "SUBSTRING", "SUM",
          "TIMESTAMPADD", "TIMESTAMPDIFF", "TRIM", "TUMBLE_END", "TUMBLE_START", "UPPER", "WEEK",
          "YEAR");

  /**
   * The time attributes of a legacy group window: the planner rewrites them into the window's
   * {@code window_time} before validation, so no operator of these names exists.
   */
  private static final List<String> GROUP_WINDOW_TIME_FUNCTIONS =
      List.of(
          "HOP_PROCTIME", "HOP_ROWTIME", "SESSION_PROCTIME", "SESSION_ROWTIME", "TUMBLE_PROCTIME",
          "TUMBLE_ROWTIME");

  private final SqlOperatorTable strom;
  private final Set<String> hiddenStandardNames;
  private final SqlOperatorTable standard = SqlStdOperatorTable.instance();

  private StromOperatorTable(List<SqlOperator> operators) {
    this.strom = SqlOperatorTables.of(operators);
    this.hiddenStandardNames = new HashSet<>();
    for (SqlOperator operator : operators) {
      hiddenStandardNames.add(operator.getName().toUpperCase(Locale.ROOT));
    }
  }

  /** The built-in functions only. */
  public static StromOperatorTable create() {
    return create(List.of());
  }

  /** The built-in functions plus {@code userFunctions}, e.g. from {@link UserFunctions}. */
  public static StromOperatorTable create(Collection<? extends SqlOperator> userFunctions) {
    List<SqlOperator> operators = new ArrayList<>(builtIns());
    operators.addAll(userFunctions);
    return new StromOperatorTable(operators);
  }

  private static List<SqlOperator> builtIns() {
    List<SqlOperator> operators = new ArrayList<>();
    addConstants(FlinkFunctions.class, operators);
    addConstants(FlinkCollectionFunctions.class, operators);
    operators.add(SqlLibraryOperators.IF);
    operators.add(SqlLibraryOperators.TRY_CAST);
    // Flink's IFNULL, GREATEST and LEAST have the semantics of these (NULL when any argument of
    // GREATEST or LEAST is); Calcite's converter spells them out as CASE expressions.
    operators.add(SqlLibraryOperators.IFNULL);
    operators.add(SqlLibraryOperators.GREATEST);
    operators.add(SqlLibraryOperators.LEAST);
    operators.add(FlinkJsonFunctions.JSON_VALUE);
    operators.add(FlinkJsonFunctions.JSON_QUERY);
    operators.addAll(WindowTableFunctions.all());
    return operators;
  }

  /** Adds the operators held by public static fields of {@code holder}. */
  private static void addConstants(Class<?> holder, List<SqlOperator> operators) {
    for (Field field : holder.getFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && SqlOperator.class.isAssignableFrom(field.getType())) {
        try {
          operators.add((SqlOperator) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("Cannot read built-in function " + field.getName(), e);
        }
      }
    }
  }

  @Override
  public void lookupOperatorOverloads(
      SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
      List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
    // Function names are case-insensitive in Flink, whatever the identifier casing rules.
    SqlNameMatcher matcher = SqlNameMatchers.withCaseSensitive(false);
    int before = operatorList.size();
    strom.lookupOperatorOverloads(opName, category, syntax, operatorList, matcher);
    if (category == SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION) {
      preferTableFunctions(operatorList.subList(before, operatorList.size()));
    }
    boolean found = operatorList.size() > before;
    if (found && opName.isSimple()
        && hiddenStandardNames.contains(opName.getSimple().toUpperCase(Locale.ROOT))) {
      return;
    }
    standard.lookupOperatorOverloads(opName, category, syntax, operatorList, matcher);
  }

  /**
   * In {@code LATERAL TABLE(f(...))} a table function named like a built-in scalar function (a
   * user's {@code split} next to {@code SPLIT}) is the one meant: drops the scalar candidates when
   * a table function is among them.
   */
  private static void preferTableFunctions(List<SqlOperator> candidates) {
    boolean anyTableFunction = candidates.stream().anyMatch(StromOperatorTable::isTableFunction);
    if (anyTableFunction) {
      candidates.removeIf(operator -> !isTableFunction(operator));
    }
  }

  private static boolean isTableFunction(SqlOperator operator) {
    return operator instanceof SqlFunction function
        && function.getFunctionType() == SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION;
  }

  /**
   * The names a statement can call, upper-cased: Strom's built-in functions, the user functions
   * of this table, and the standard functions Strom runs. Unsorted, without duplicates.
   */
  public Set<String> functionNamesByName() {
    Set<String> names = new HashSet<>();
    for (String name : hiddenStandardNames) {
      // Operators spelled as symbols ("||") are not called by name.
      if (name.matches("[A-Z_][A-Z0-9_]*")) {
        names.add(name);
      }
    }
    names.addAll(STANDARD_FUNCTIONS_BY_NAME);
    names.addAll(GROUP_WINDOW_TIME_FUNCTIONS);
    return names;
  }

  @Override
  public List<SqlOperator> getOperatorList() {
    List<SqlOperator> all = new ArrayList<>(strom.getOperatorList());
    for (SqlOperator operator : standard.getOperatorList()) {
      if (!hiddenStandardNames.contains(operator.getName().toUpperCase(Locale.ROOT))) {
        all.add(operator);
      }
    }
    return all;
  }
}
