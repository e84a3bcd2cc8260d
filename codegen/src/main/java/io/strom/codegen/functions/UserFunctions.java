package io.strom.codegen.functions;

import io.strom.api.functions.ScalarFunction;
import io.strom.api.functions.TableFunction;
import io.strom.table.functions.AggregateFunction;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.sql.SqlFunction;

/**
 * Turns user-defined function classes (scalar, table and aggregate functions) into SQL functions for {@link StromOperatorTable#create(
 * java.util.Collection)}, e.g. for {@code CREATE FUNCTION} or a Table API registration.
 */
public final class UserFunctions {
  private UserFunctions() {}

  /** A scalar function from a class with a public no-argument constructor. */
  public static SqlFunction scalar(String name, Class<? extends ScalarFunction> functionClass) {
    try {
      Constructor<? extends ScalarFunction> constructor = functionClass.getConstructor();
      return scalar(name, constructor.newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot create function '" + name + "': "
          + functionClass.getName() + " needs a public no-argument constructor", e);
    }
  }

  /** A scalar function from an instance, which is serialized with plans that call it. */
  public static SqlFunction scalar(String name, ScalarFunction function) {
    return new ScalarFunctionSqlFunction(
        name.toUpperCase(java.util.Locale.ROOT), function, evals(name, function));
  }

  /** A table function from a class with a public no-argument constructor. */
  public static SqlFunction table(String name, Class<? extends TableFunction<?>> functionClass) {
    try {
      Constructor<? extends TableFunction<?>> constructor = functionClass.getConstructor();
      return table(name, constructor.newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot create function '" + name + "': "
          + functionClass.getName() + " needs a public no-argument constructor", e);
    }
  }

  /**
   * A table function from an instance, which is serialized with plans that call it. Its row type
   * is checked now, so a function without one fails at registration.
   */
  public static SqlFunction table(String name, TableFunction<?> function) {
    List<Method> evals = evals(name, function);
    for (Method eval : evals) {
      if (eval.getReturnType() != void.class) {
        throw new IllegalArgumentException("Function '" + name + "': the eval methods of table"
            + " function " + function.getClass().getName() + " must return void and emit rows"
            + " with collect(...)");
      }
      TableFunctionRowTypes.check(name, function.getClass(), eval);
    }
    return new TableFunctionSqlFunction(
        name.toUpperCase(java.util.Locale.ROOT), function, evals);
  }

  /** An aggregate function from a class with a public no-argument constructor. */
  public static SqlFunction aggregate(
      String name, Class<? extends AggregateFunction<?, ?>> functionClass) {
    if (Modifier.isAbstract(functionClass.getModifiers())) {
      throw new IllegalArgumentException("Aggregate function '" + name + "' ("
          + functionClass.getName() + ") is abstract; it must implement createAccumulator() and"
          + " getValue(ACC acc)");
    }
    try {
      Constructor<? extends AggregateFunction<?, ?>> constructor = functionClass.getConstructor();
      return aggregate(name, constructor.newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Cannot create function '" + name + "': "
          + functionClass.getName() + " needs a public no-argument constructor", e);
    }
  }

  /**
   * An aggregate function from an instance, which is serialized with plans that call it. Its
   * methods and result type are checked now, so a function that cannot be called fails at
   * registration.
   */
  public static SqlFunction aggregate(String name, AggregateFunction<?, ?> function) {
    return new AggregateFunctionSqlFunction(name.toUpperCase(java.util.Locale.ROOT), function,
        AggregateFunctionMethods.of(name, function));
  }

  /** The public eval methods of a function, most specific first. */
  private static List<Method> evals(String name, Object function) {
    List<Method> evals = new ArrayList<>();
    for (Method method : function.getClass().getMethods()) {
      if (method.getName().equals("eval") && !Modifier.isStatic(method.getModifiers())
          && !method.isVarArgs()) {
        evals.add(method);
      }
    }
    if (evals.isEmpty()) {
      throw new IllegalArgumentException("Function '" + name + "': "
          + function.getClass().getName() + " declares no public eval method");
    }
    if (!Modifier.isPublic(function.getClass().getModifiers())) {
      throw new IllegalArgumentException("Function '" + name + "': "
          + function.getClass().getName() + " must be a public class");
    }
    // Most specific first: primitive and narrow parameters before wide ones.
    evals.sort(Comparator.comparing(m -> width(m, 0)));
    return evals;
  }

  /**
   * A sort key putting narrow parameters (after the first {@code skip}) before wide ones, so the
   * most specific overload is tried first.
   */
  static String width(Method method, int skip) {
    StringBuilder sb = new StringBuilder();
    Class<?>[] params = method.getParameterTypes();
    for (int i = skip; i < params.length; i++) {
      Class<?> type = params[i];
      sb.append(type == int.class || type == Integer.class ? '0'
          : type == long.class || type == Long.class ? '1'
          : type == double.class || type == Double.class ? '3' : '2');
    }
    return sb.toString();
  }
}
