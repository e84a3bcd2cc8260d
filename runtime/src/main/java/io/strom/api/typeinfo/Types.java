package io.strom.api.typeinfo;

import io.strom.api.tuple.Tuple;
import io.strom.api.tuple.Tuple2;
import io.strom.api.tuple.Tuple3;
import io.strom.data.Row;
import io.strom.serde.BasicSerializers;
import io.strom.serde.DynamicSerializer;
import io.strom.serde.JavaSerializers;
import io.strom.serde.RowSerializer;
import io.strom.serde.TupleSerializer;
import io.strom.serde.TypeSerializer;
import io.strom.types.RowType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The type descriptions of common Java types, and the factories of the others. */
public final class Types {
  private Types() {}

  public static final TypeInfo<Boolean> BOOLEAN =
      new SimpleTypeInfo<>(Boolean.class, BasicSerializers.BOOLEAN);
  public static final TypeInfo<Byte> BYTE = new SimpleTypeInfo<>(Byte.class, BasicSerializers.BYTE);
  public static final TypeInfo<Short> SHORT =
      new SimpleTypeInfo<>(Short.class, BasicSerializers.SHORT);
  public static final TypeInfo<Integer> INT = new SimpleTypeInfo<>(Integer.class, BasicSerializers.INT);
  public static final TypeInfo<Long> LONG = new SimpleTypeInfo<>(Long.class, BasicSerializers.LONG);
  public static final TypeInfo<Float> FLOAT =
      new SimpleTypeInfo<>(Float.class, BasicSerializers.FLOAT);
  public static final TypeInfo<Double> DOUBLE =
      new SimpleTypeInfo<>(Double.class, BasicSerializers.DOUBLE);
  public static final TypeInfo<Character> CHAR =
      new SimpleTypeInfo<>(Character.class, BasicSerializers.CHAR);
  public static final TypeInfo<String> STRING =
      new SimpleTypeInfo<>(String.class, BasicSerializers.STRING);
  /** {@code byte[]}, e.g. raw message payloads. */
  public static final TypeInfo<byte[]> BYTES =
      new SimpleTypeInfo<>(byte[].class, BasicSerializers.BYTES);

  private static final Map<Class<?>, TypeInfo<?>> CONSTANTS =
      Map.of(
          Boolean.class, BOOLEAN,
          Byte.class, BYTE,
          Short.class, SHORT,
          Integer.class, INT,
          Long.class, LONG,
          Float.class, FLOAT,
          Double.class, DOUBLE,
          Character.class, CHAR,
          String.class, STRING,
          byte[].class, BYTES);

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static final TypeInfo<?> GENERIC =
      new SimpleTypeInfo(Object.class, new DynamicSerializer());

  /** A type whose values are serialized by inspecting each one; works for any value. */
  @SuppressWarnings("unchecked")
  public static <T> TypeInfo<T> generic() {
    return (TypeInfo<T>) GENERIC;
  }

  /**
   * The type of values of exactly {@code type}, with the fastest serializer that fits: basic ones
   * for boxed primitives (primitive classes map to their boxes), {@code String} and {@code byte[]};
   * reflective ones for enums, records and POJOs; schema-less ones for rows and tuples (declare
   * {@link #row} or {@link #tuple} for the fast forms); {@link #generic()} for anything else.
   */
  @SuppressWarnings("unchecked")
  public static <T> TypeInfo<T> of(Class<T> type) {
    Class<T> boxed = (Class<T>) box(type);
    TypeInfo<?> constant = CONSTANTS.get(boxed);
    if (constant != null) {
      return (TypeInfo<T>) constant;
    }
    TypeSerializer<T> serializer = JavaSerializers.forClass(boxed);
    if (serializer instanceof DynamicSerializer) {
      return generic();
    }
    return new SimpleTypeInfo<>(boxed, serializer);
  }

  private static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return switch (type.getName()) {
      case "boolean" -> Boolean.class;
      case "byte" -> Byte.class;
      case "short" -> Short.class;
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "float" -> Float.class;
      case "double" -> Double.class;
      case "char" -> Character.class;
      default -> throw new IllegalArgumentException("A stream cannot carry values of " + type);
    };
  }

  /** The type of SQL rows of {@code rowType}, in the binary row form across exchanges and state. */
  public static TypeInfo<Row> row(RowType rowType) {
    return new SimpleTypeInfo<>(Row.class, new RowSerializer(rowType));
  }

  /** The type of {@link Tuple2}s with fields of the given types. */
  public static <T0, T1> TypeInfo<Tuple2<T0, T1>> tuple(TypeInfo<T0> f0, TypeInfo<T1> f1) {
    return tuple(new TypeInfo<?>[] {f0, f1});
  }

  /** The type of {@link Tuple3}s with fields of the given types. */
  public static <T0, T1, T2> TypeInfo<Tuple3<T0, T1, T2>> tuple(
      TypeInfo<T0> f0, TypeInfo<T1> f1, TypeInfo<T2> f2) {
    return tuple(new TypeInfo<?>[] {f0, f1, f2});
  }

  /** The type of tuples with fields of the given types; their number picks the tuple class. */
  @SuppressWarnings("unchecked")
  public static <T extends Tuple> TypeInfo<T> tuple(TypeInfo<?>... fieldTypes) {
    Class<?> tupleClass = Tuple.newInstance(fieldTypes.length).getClass();
    List<TypeSerializer<?>> fields = new ArrayList<>(fieldTypes.length);
    for (TypeInfo<?> fieldType : fieldTypes) {
      fields.add(fieldType.createSerializer());
    }
    return new SimpleTypeInfo<>((Class<T>) tupleClass, new TupleSerializer<>(fields));
  }
}
