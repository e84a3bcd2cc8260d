package io.strom.planner.catalog;

import io.strom.api.functions.ScalarFunction;
import io.strom.api.functions.TableFunction;
import io.strom.api.functions.UserDefinedFunction;
import io.strom.codegen.functions.StromOperatorTable;
import io.strom.codegen.functions.UserFunctions;
import io.strom.planner.ValidationException;
import io.strom.table.functions.AggregateFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;

/**
 * The functions of a session: Strom's built-ins plus the user-defined scalar, table and aggregate
 * functions created with {@code CREATE FUNCTION ... AS 'java.Class'} or registered as instances.
 * Function names are case-insensitive, as in Flink.
 */
public final class FunctionCatalog {
  private final Map<String, SqlOperator> userFunctions = new TreeMap<>();
  private final Map<String, String> displayNames = new TreeMap<>();
  private StromOperatorTable table = StromOperatorTable.create();

  /** The operator table statements are validated against. */
  public SqlOperatorTable operatorTable() {
    return table;
  }

  /**
   * Registers a Java scalar, table or aggregate function by class name ({@code CREATE FUNCTION}).
   *
   * @return false when a function of that name existed and {@code ignoreIfExists} was set
   */
  public boolean create(String name, String className, ClassLoader loader, boolean ignoreIfExists) {
    String key = name.toUpperCase(Locale.ROOT);
    if (userFunctions.containsKey(key)) {
      if (ignoreIfExists) {
        return false;
      }
      throw new ValidationException("Function '" + name + "' already exists");
    }
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      throw new ValidationException(
          "Class '" + className + "' of function '" + name + "' is not on the classpath. Add its"
              + " jar with ADD JAR '/path/to/functions.jar' (or to Strom's classpath).");
    } catch (LinkageError e) {
      throw new ValidationException(
          "Class '" + className + "' of function '" + name + "' cannot be loaded: " + e);
    }
    SqlFunction function;
    try {
      if (ScalarFunction.class.isAssignableFrom(type)) {
        function = UserFunctions.scalar(name, type.asSubclass(ScalarFunction.class));
      } else if (TableFunction.class.isAssignableFrom(type)) {
        @SuppressWarnings("unchecked")
        Class<? extends TableFunction<?>> tableFunction =
            (Class<? extends TableFunction<?>>) type.asSubclass(TableFunction.class);
        function = UserFunctions.table(name, tableFunction);
      } else if (AggregateFunction.class.isAssignableFrom(type)) {
        @SuppressWarnings("unchecked")
        Class<? extends AggregateFunction<?, ?>> aggregateFunction =
            (Class<? extends AggregateFunction<?, ?>>) type.asSubclass(AggregateFunction.class);
        function = UserFunctions.aggregate(name, aggregateFunction);
      } else {
        throw new ValidationException(
            "Class '" + className + "' must extend " + ScalarFunction.class.getName() + ", "
                + TableFunction.class.getName() + " or " + AggregateFunction.class.getName());
      }
    } catch (IllegalArgumentException e) {
      throw new ValidationException(e.getMessage(), e);
    }
    register(key, name, function);
    return true;
  }

  /**
   * Registers a scalar, table or aggregate function instance under {@code name}, as the Table API's {@code
   * createTemporarySystemFunction(name, instance)} does: the instance, with whatever it was
   * constructed with, is serialized with every plan that calls it, so each parallel task gets its
   * own copy.
   *
   * @throws ValidationException when a function of that name exists or the class declares no
   *     usable {@code eval} method or row type (for an aggregate function: no {@code accumulate}
   *     method, or a result without SQL type)
   */
  public void createTemporarySystemFunction(String name, UserDefinedFunction function) {
    String key = name.toUpperCase(Locale.ROOT);
    if (userFunctions.containsKey(key)) {
      throw new ValidationException("Function '" + name + "' already exists");
    }
    try {
      if (function instanceof ScalarFunction scalar) {
        register(key, name, UserFunctions.scalar(name, scalar));
      } else if (function instanceof TableFunction<?> tableFunction) {
        register(key, name, UserFunctions.table(name, tableFunction));
      } else if (function instanceof AggregateFunction<?, ?> aggregateFunction) {
        register(key, name, UserFunctions.aggregate(name, aggregateFunction));
      } else {
        throw new ValidationException(
            "Function '" + name + "' is a " + function.getClass().getName() + "; only scalar,"
                + " table and aggregate functions can be registered");
      }
    } catch (IllegalArgumentException e) {
      throw new ValidationException(e.getMessage(), e);
    }
  }

  private void register(String key, String name, SqlFunction function) {
    userFunctions.put(key, function);
    displayNames.put(key, name);
    table = StromOperatorTable.create(userFunctions.values());
  }

  /** Drops a user-defined function; returns false when there was none. */
  public boolean drop(String name) {
    String key = name.toUpperCase(Locale.ROOT);
    if (userFunctions.remove(key) == null) {
      return false;
    }
    displayNames.remove(key);
    table = StromOperatorTable.create(userFunctions.values());
    return true;
  }

  /** Names of the user-defined functions as they were created, sorted. */
  public List<String> userFunctionNames() {
    return new ArrayList<>(displayNames.values());
  }

  /**
   * Names of every function a statement can call by name, built-in and user-defined, sorted
   * regardless of case; a user-defined function is listed once, as it was created, also when it
   * takes the place of a built-in one. Operators with a syntax of their own ({@code AND}, {@code
   * LIKE}) and Calcite functions Strom does not run are not listed.
   */
  public List<String> allFunctionNames() {
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(userFunctionNames());
    names.addAll(table.functionNamesByName());
    return new ArrayList<>(names);
  }
}
