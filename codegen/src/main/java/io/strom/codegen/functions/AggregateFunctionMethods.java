package io.strom.codegen.functions;

import io.strom.api.functions.DataTypeHint;
import io.strom.codegen.types.StromTypeFactory;
import io.strom.codegen.types.TypeConversions;
import io.strom.codegen.types.TypeStringParser;
import io.strom.table.functions.AggregateFunction;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * The methods of a user-defined {@link AggregateFunction}, found by reflection as Flink finds them:
 * the {@code accumulate} overloads (most specific first), the {@code retract} overloads, whether it
 * can {@code merge}, its {@code getValue}, and its result type. Building one checks the class, so
 * a function that cannot be called fails at registration with a message naming it.
 */
final class AggregateFunctionMethods {
  private final List<Method> accumulates;
  private final List<Method> retracts;
  private final boolean merges;
  private final Method getValue;
  private final DataTypeHint resultHint;
  private final Class<?> resultClass;

  private AggregateFunctionMethods(
      List<Method> accumulates, List<Method> retracts, boolean merges, Method getValue,
      DataTypeHint resultHint, Class<?> resultClass) {
    this.accumulates = accumulates;
    this.retracts = retracts;
    this.merges = merges;
    this.getValue = getValue;
    this.resultHint = resultHint;
    this.resultClass = resultClass;
  }

  /** Finds and checks the methods of {@code function}, registered as {@code name}. */
  static AggregateFunctionMethods of(String name, AggregateFunction<?, ?> function) {
    Class<?> type = function.getClass();
    String what = "Aggregate function '" + name + "' (" + type.getName() + ")";
    if (!Modifier.isPublic(type.getModifiers())) {
      throw new IllegalArgumentException(what + " must be a public class");
    }
    Object accumulator = function.createAccumulator();
    if (accumulator == null) {
      throw new IllegalArgumentException(what + " returns null from createAccumulator()");
    }
    if (!(accumulator instanceof Serializable)) {
      throw new IllegalArgumentException(what + " creates accumulators of class "
          + accumulator.getClass().getName() + ", which must implement java.io.Serializable:"
          + " Strom keeps accumulators in state with Java serialization");
    }
    List<Method> accumulates = methods(type, "accumulate", accumulator);
    if (accumulates.isEmpty()) {
      throw new IllegalArgumentException(what + " declares no method 'public void accumulate("
          + accumulator.getClass().getSimpleName() + " acc, ...)'; an aggregate function needs"
          + " one to take in rows");
    }
    for (Method accumulate : accumulates) {
      Class<?> accumulatorClass = accumulate.getParameterTypes()[0];
      if (!Modifier.isPublic(accumulatorClass.getModifiers())) {
        throw new IllegalArgumentException(what + ": the accumulator class "
            + accumulatorClass.getName() + " must be public");
      }
    }
    List<Method> retracts = methods(type, "retract", accumulator);
    boolean merges = false;
    for (Method method : type.getMethods()) {
      merges |= method.getName().equals("merge") && method.getParameterCount() == 2
          && Iterable.class.isAssignableFrom(method.getParameterTypes()[1]);
    }
    Method getValue = getValue(type, what);
    if (!Modifier.isPublic(getValue.getParameterTypes()[0].getModifiers())) {
      throw new IllegalArgumentException(what + ": the accumulator class "
          + getValue.getParameterTypes()[0].getName() + " must be public");
    }
    DataTypeHint hint = getValue.getAnnotation(DataTypeHint.class);
    if (hint == null) {
      hint = type.getAnnotation(DataTypeHint.class);
    }
    Class<?> resultClass = resultClass(type);
    AggregateFunctionMethods methods =
        new AggregateFunctionMethods(accumulates, retracts, merges, getValue, hint, resultClass);
    RelDataType resultType;
    try {
      resultType = methods.resultType(new StromTypeFactory());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
    if (!JavaTypeMapping.accepts(methods.resultClass(), resultType)) {
      throw new IllegalArgumentException(what + ": getValue returns "
          + methods.resultClass().getName() + ", which is not a Java value of its declared result"
          + " type " + resultType.getFullTypeString());
    }
    return methods;
  }

  /**
   * The public instance methods {@code name(ACC acc, ...)} returning void whose first parameter
   * takes {@code accumulator}, most specific first.
   */
  private static List<Method> methods(Class<?> type, String name, Object accumulator) {
    List<Method> found = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name) && !Modifier.isStatic(method.getModifiers())
          && !method.isVarArgs() && !method.isBridge() && method.getParameterCount() >= 1
          && method.getParameterTypes()[0].isInstance(accumulator)
          && method.getReturnType() == void.class) {
        found.add(method);
      }
    }
    found.sort(Comparator.comparing(m -> UserFunctions.width(m, 1)));
    return List.copyOf(found);
  }

  /** The most specific {@code getValue(ACC)}: the one the subclass declares with its types. */
  private static Method getValue(Class<?> type, String what) {
    Method best = null;
    for (Method method : type.getMethods()) {
      if (method.getName().equals("getValue") && method.getParameterCount() == 1
          && !method.isBridge() && !Modifier.isAbstract(method.getModifiers())
          && (best == null || best.getParameterTypes()[0].isAssignableFrom(
              method.getParameterTypes()[0]))) {
        best = method;
      }
    }
    if (best == null) {
      throw new IllegalArgumentException(what + " declares no method 'public T getValue(ACC acc)'");
    }
    return best;
  }

  List<Method> accumulates() {
    return accumulates;
  }

  /** The {@code retract} taking the same arguments as {@code accumulate}, or null. */
  Method retractFor(Method accumulate) {
    Class<?>[] wanted = accumulate.getParameterTypes();
    for (Method retract : retracts) {
      Class<?>[] params = retract.getParameterTypes();
      if (params.length == wanted.length && Arrays.equals(params, 1, params.length, wanted, 1,
          wanted.length)) {
        return retract;
      }
    }
    return null;
  }

  boolean merges() {
    return merges;
  }

  Method getValue() {
    return getValue;
  }

  /** The Java class of getValue's results: {@code T}, or getValue's declared return type. */
  Class<?> resultClass() {
    return resultClass != null && resultClass != Object.class
        ? resultClass : getValue.getReturnType();
  }

  /**
   * The SQL type of the result: a {@link DataTypeHint} on {@code getValue} or the class, else the
   * type argument {@code T}; always nullable, since getValue may return null.
   */
  RelDataType resultType(RelDataTypeFactory factory) {
    RelDataType type;
    if (resultHint != null) {
      type = TypeConversions.toRelDataType(factory, TypeStringParser.parse(resultHint.value()));
    } else {
      Class<?> result = resultClass();
      type = JavaTypeMapping.sqlTypeOrNull(factory, result);
      if (type == null) {
        throw new IllegalArgumentException("its result class " + result.getName() + " has no SQL"
            + " type; annotate getValue or the class with @DataTypeHint(\"...\")");
      }
    }
    return factory.createTypeWithNullability(type, true);
  }

  /** The type argument {@code T} of {@link AggregateFunction} as {@code type} binds it, or null. */
  private static Class<?> resultClass(Class<?> type) {
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    Class<?> current = type;
    while (current != null && current != AggregateFunction.class) {
      Type superType = current.getGenericSuperclass();
      Class<?> superClass = current.getSuperclass();
      if (superType instanceof ParameterizedType parameterized && superClass != null) {
        TypeVariable<?>[] variables = superClass.getTypeParameters();
        Type[] arguments = parameterized.getActualTypeArguments();
        for (int i = 0; i < variables.length; i++) {
          bindings.put(variables[i], bindings.getOrDefault(arguments[i], arguments[i]));
        }
      }
      current = superClass;
    }
    if (current == null) {
      return null;
    }
    Type result = bindings.get(AggregateFunction.class.getTypeParameters()[0]);
    if (result instanceof ParameterizedType p) {
      result = p.getRawType();
    }
    return result instanceof Class<?> c ? c : null;
  }
}
