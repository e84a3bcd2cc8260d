package io.strom.codegen.functions;

import io.strom.api.functions.DataTypeHint;
import io.strom.api.functions.TableFunction;
import io.strom.codegen.types.StromTypeFactory;
import io.strom.codegen.types.TypeConversions;
import io.strom.codegen.types.TypeStringParser;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * The rows a table function emits, as Flink derives them: a {@link DataTypeHint} on the {@code
 * eval} method, else one on the class, else the class's type argument {@code T}. A {@code ROW<..>}
 * type gives one column per field; any other type one column named {@code f0}.
 */
final class TableFunctionRowTypes {
  /** Flink's name of the single column of a table function that emits plain values. */
  static final String ATOMIC_COLUMN = "f0";

  private TableFunctionRowTypes() {}

  /** Fails with a message naming the function when {@code eval} has no row type. */
  static void check(String name, Class<?> functionClass, Method eval) {
    try {
      declared(new StromTypeFactory(), functionClass, eval);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Function '" + name + "': " + e.getMessage(), e);
    }
  }

  /** The row type of the rows {@code eval} emits. */
  static RelDataType rowType(RelDataTypeFactory factory, Class<?> functionClass, Method eval) {
    RelDataType declared = declared(factory, functionClass, eval);
    if (declared.isStruct()) {
      return factory.createStructType(declared.getFieldList());
    }
    return factory.builder().add(ATOMIC_COLUMN, declared).build();
  }

  /** True when {@code eval} emits plain values rather than rows. */
  static boolean emitsValues(Class<?> functionClass, Method eval) {
    return !declared(new StromTypeFactory(), functionClass, eval).isStruct();
  }

  private static RelDataType declared(
      RelDataTypeFactory factory, Class<?> functionClass, Method eval) {
    DataTypeHint hint = eval.getAnnotation(DataTypeHint.class);
    if (hint == null) {
      hint = functionClass.getAnnotation(DataTypeHint.class);
    }
    if (hint != null) {
      return TypeConversions.toRelDataType(factory, TypeStringParser.parse(hint.value()));
    }
    Type emitted = emittedType(functionClass);
    RelDataType type =
        emitted instanceof Class<?> c ? JavaTypeMapping.sqlTypeOrNull(factory, c) : null;
    if (type == null) {
      throw new IllegalArgumentException(functionClass.getName() + " emits "
          + (emitted == null ? "values of an unknown type" : emitted.getTypeName())
          + ", which has no SQL type; declare the rows with @DataTypeHint(\"ROW<name TYPE, ...>\")"
          + " on the class or its eval method");
    }
    // Values from Java objects may be null, as in Flink.
    return factory.createTypeWithNullability(type, true);
  }

  /** The type argument {@code T} of {@link TableFunction} as {@code functionClass} binds it. */
  private static Type emittedType(Class<?> functionClass) {
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    Class<?> current = functionClass;
    while (current != null && current != TableFunction.class) {
      Type superType = current.getGenericSuperclass();
      Class<?> superClass = current.getSuperclass();
      if (superType instanceof ParameterizedType parameterized && superClass != null) {
        TypeVariable<?>[] variables = superClass.getTypeParameters();
        Type[] arguments = parameterized.getActualTypeArguments();
        for (int i = 0; i < variables.length; i++) {
          Type argument = arguments[i];
          bindings.put(variables[i], bindings.getOrDefault(argument, argument));
        }
      }
      current = superClass;
    }
    if (current == null) {
      return null;
    }
    Type emitted = bindings.get(TableFunction.class.getTypeParameters()[0]);
    return emitted instanceof ParameterizedType p ? p.getRawType() : emitted;
  }
}
