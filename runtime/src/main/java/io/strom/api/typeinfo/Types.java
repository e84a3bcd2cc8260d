package io.strom.api.typeinfo;

import io.strom.serde.BasicSerializers;
import io.strom.serde.DynamicSerializer;

/** The type descriptions of common Java types. */
public final class Types {
  private Types() {}

  public static final TypeInfo<Boolean> BOOLEAN =
      new SimpleTypeInfo<>(Boolean.class, BasicSerializers.BOOLEAN);
  public static final TypeInfo<Integer> INT = new SimpleTypeInfo<>(Integer.class, BasicSerializers.INT);
  public static final TypeInfo<Long> LONG = new SimpleTypeInfo<>(Long.class, BasicSerializers.LONG);
  public static final TypeInfo<Double> DOUBLE =
      new SimpleTypeInfo<>(Double.class, BasicSerializers.DOUBLE);
  public static final TypeInfo<String> STRING =
      new SimpleTypeInfo<>(String.class, BasicSerializers.STRING);

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final TypeInfo<?> GENERIC =
      new SimpleTypeInfo(Object.class, new DynamicSerializer());

  /** A type whose values are serialized by inspecting each one; works for any value. */
  @SuppressWarnings("unchecked")
  public static <T> TypeInfo<T> generic() {
    return (TypeInfo<T>) GENERIC;
  }
}
