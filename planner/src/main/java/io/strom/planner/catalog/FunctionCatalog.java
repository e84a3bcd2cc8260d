package io.strom.planner.catalog;

import io.strom.api.functions.ScalarFunction;
import io.strom.codegen.functions.StromOperatorTable;
import io.strom.codegen.functions.UserFunctions;
import io.strom.planner.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;

/**
 * The functions of a session: Strom's built-ins plus the user-defined functions created with
 * {@code CREATE FUNCTION ... AS 'java.Class'}. Function names are case-insensitive, as in Flink.
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
   * Registers a Java scalar function.
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
    if (!ScalarFunction.class.isAssignableFrom(type)) {
      throw new ValidationException(
          "Class '" + className + "' must extend " + ScalarFunction.class.getName()
              + " (table and aggregate functions come in later versions)");
    }
    add(name, UserFunctions.scalar(name, type.asSubclass(ScalarFunction.class)));
    return true;
  }

  /**
   * Registers an instance of a Java function, as a program does: the instance (with whatever it
   * was constructed with) is what runs, copied into each parallel task.
   */
  public void create(String name, ScalarFunction function) {
    if (userFunctions.containsKey(name.toUpperCase(Locale.ROOT))) {
      throw new ValidationException("Function '" + name + "' already exists");
    }
    add(name, UserFunctions.scalar(name, function));
  }

  private void add(String name, SqlOperator function) {
    String key = name.toUpperCase(Locale.ROOT);
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

  /** Names of every function, built-in and user-defined, sorted. */
  public List<String> allFunctionNames() {
    TreeSet<String> names = new TreeSet<>();
    for (SqlOperator op : table.getOperatorList()) {
      if (op.getName().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        names.add(op.getName().toUpperCase(Locale.ROOT));
      }
    }
    names.addAll(userFunctionNames());
    return new ArrayList<>(names);
  }
}
