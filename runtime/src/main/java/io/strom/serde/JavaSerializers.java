package io.strom.serde;

import io.strom.api.tuple.Tuple2;
import io.strom.api.tuple.Tuple3;
import io.strom.data.Row;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the serializer of a Java class for the DataStream API: basic serializers for boxed
 * primitives, {@code String} and {@code byte[]}; reflective ones for enums, records and POJOs;
 * schema-less ones for rows and tuples; {@link DynamicSerializer} for everything else.
 */
public final class JavaSerializers {
  private static final Map<Class<?>, TypeSerializer<?>> BASIC =
      Map.ofEntries(
          Map.entry(Boolean.class, BasicSerializers.BOOLEAN),
          Map.entry(Byte.class, BasicSerializers.BYTE),
          Map.entry(Short.class, BasicSerializers.SHORT),
          Map.entry(Integer.class, BasicSerializers.INT),
          Map.entry(Long.class, BasicSerializers.LONG),
          Map.entry(Float.class, BasicSerializers.FLOAT),
          Map.entry(Double.class, BasicSerializers.DOUBLE),
          Map.entry(Character.class, BasicSerializers.CHAR),
          Map.entry(String.class, BasicSerializers.STRING),
          Map.entry(byte[].class, BasicSerializers.BYTES),
          Map.entry(boolean.class, BasicSerializers.BOOLEAN),
          Map.entry(byte.class, BasicSerializers.BYTE),
          Map.entry(short.class, BasicSerializers.SHORT),
          Map.entry(int.class, BasicSerializers.INT),
          Map.entry(long.class, BasicSerializers.LONG),
          Map.entry(float.class, BasicSerializers.FLOAT),
          Map.entry(double.class, BasicSerializers.DOUBLE),
          Map.entry(char.class, BasicSerializers.CHAR));

  /** Reflective serializers are costly to build, so each class's is built once. */
  private static final ClassValue<Optional<TypeSerializer<?>>> REFLECTIVE =
      new ClassValue<>() {
        @Override
        protected Optional<TypeSerializer<?>> computeValue(Class<?> type) {
          return Optional.ofNullable(buildReflective(type));
        }
      };

  private static final DynamicSerializer DYNAMIC = new DynamicSerializer();

  private JavaSerializers() {}

  /** The best serializer for values of exactly {@code type}; never null. */
  @SuppressWarnings("unchecked")
  public static <T> TypeSerializer<T> forClass(Class<T> type) {
    TypeSerializer<?> basic = BASIC.get(type);
    if (basic != null) {
      return (TypeSerializer<T>) basic;
    }
    if (Row.class.isAssignableFrom(type)) {
      return (TypeSerializer<T>) SelfDescribingRowSerializer.INSTANCE;
    }
    if (type == Tuple2.class || type == Tuple3.class) {
      int arity = type == Tuple2.class ? 2 : 3;
      return (TypeSerializer<T>) new TupleSerializer<>(Collections.nCopies(arity, DYNAMIC));
    }
    TypeSerializer<?> reflective = reflective(type);
    return reflective != null ? (TypeSerializer<T>) reflective : (TypeSerializer<T>) DYNAMIC;
  }

  /**
   * The serializer of a field declared as {@code type}: exact when no subclass can appear (final
   * classes, records, enums, primitives), otherwise {@link DynamicSerializer}, which records each
   * value's class.
   */
  @SuppressWarnings("unchecked")
  static TypeSerializer<Object> forDeclaredType(Class<?> type) {
    boolean exact =
        type.isPrimitive() || type.isEnum() || Modifier.isFinal(type.getModifiers())
            || type == byte[].class;
    return (TypeSerializer<Object>) (exact ? forClass(type) : DYNAMIC);
  }

  /** The enum, record or POJO serializer of {@code type}, or null when it is none of those. */
  static TypeSerializer<?> reflective(Class<?> type) {
    return REFLECTIVE.get(type).orElse(null);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeSerializer<?> buildReflective(Class<?> type) {
    if (type.isEnum()) {
      return new EnumSerializer(type);
    }
    if (type.isRecord()) {
      return new RecordSerializer<>(type);
    }
    if (PojoFields.problem(type) == null) {
      return new PojoSerializer<>(type);
    }
    return null;
  }
}
