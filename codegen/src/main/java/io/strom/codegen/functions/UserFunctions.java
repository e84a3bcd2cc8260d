package io.strom.codegen.functions;

import io.strom.api.functions.ScalarFunction;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.sql.SqlFunction;

/**
 * Turns user-defined function classes into SQL functions for {@link StromOperatorTable#create(
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
    evals.sort(Comparator.comparing(UserFunctions::width));
    return new ScalarFunctionSqlFunction(name.toUpperCase(java.util.Locale.ROOT), function, evals);
  }

  private static String width(Method method) {
    StringBuilder sb = new StringBuilder();
    for (Class<?> type : method.getParameterTypes()) {
      sb.append(type == int.class || type == Integer.class ? '0'
          : type == long.class || type == Long.class ? '1'
          : type == double.class || type == Double.class ? '3' : '2');
    }
    return sb.toString();
  }
}
