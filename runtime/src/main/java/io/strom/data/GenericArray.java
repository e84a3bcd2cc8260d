package io.strom.data;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * The object form of {@link ArrayData}: wraps either an {@code Object[]} of internal values (boxed
 * primitives, NULLs allowed) or a primitive array such as {@code int[]}, which is read without
 * boxing and has no NULLs. The wrapped array is not copied.
 */
public final class GenericArray implements ArrayData {
  /** The wrapped array when it holds objects; null otherwise. */
  private final Object[] objects;
  /** The wrapped array when it is primitive; null otherwise. */
  private final Object primitives;
  private final int size;

  public GenericArray(Object[] values) {
    this.objects = requireNonNull(values, "values");
    this.primitives = null;
    this.size = values.length;
  }

  public GenericArray(int[] values) {
    this((Object) values, values.length);
  }

  public GenericArray(long[] values) {
    this((Object) values, values.length);
  }

  public GenericArray(double[] values) {
    this((Object) values, values.length);
  }

  public GenericArray(float[] values) {
    this((Object) values, values.length);
  }

  public GenericArray(short[] values) {
    this((Object) values, values.length);
  }

  /** An ARRAY&lt;TINYINT&gt;; note that a BYTES value is a plain {@code byte[]}, not this. */
  public GenericArray(byte[] values) {
    this((Object) values, values.length);
  }

  public GenericArray(boolean[] values) {
    this((Object) values, values.length);
  }

  private GenericArray(Object primitiveArray, int size) {
    this.objects = null;
    this.primitives = primitiveArray;
    this.size = size;
  }

  /** An array of the given Java or internal values, converted as {@link InternalValues#toInternal}. */
  public static GenericArray of(Object... values) {
    Object[] internal = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      internal[i] = InternalValues.toInternal(values[i]);
    }
    return new GenericArray(internal);
  }

  @Override
  public int size() {
    return size;
  }

  /** The element as a boxed internal value, or null; for tests and printing. */
  public Object getElement(int pos) {
    if (objects != null) {
      return objects[pos];
    }
    return java.lang.reflect.Array.get(primitives, pos);
  }

  @Override
  public boolean isNullAt(int pos) {
    return objects != null && objects[pos] == null;
  }

  @Override
  public boolean getBoolean(int pos) {
    return objects != null ? (Boolean) objects[pos] : ((boolean[]) primitives)[pos];
  }

  @Override
  public byte getByte(int pos) {
    return objects != null ? (Byte) objects[pos] : ((byte[]) primitives)[pos];
  }

  @Override
  public short getShort(int pos) {
    return objects != null ? (Short) objects[pos] : ((short[]) primitives)[pos];
  }

  @Override
  public int getInt(int pos) {
    return objects != null ? (Integer) objects[pos] : ((int[]) primitives)[pos];
  }

  @Override
  public long getLong(int pos) {
    return objects != null ? (Long) objects[pos] : ((long[]) primitives)[pos];
  }

  @Override
  public float getFloat(int pos) {
    return objects != null ? (Float) objects[pos] : ((float[]) primitives)[pos];
  }

  @Override
  public double getDouble(int pos) {
    return objects != null ? (Double) objects[pos] : ((double[]) primitives)[pos];
  }

  @Override
  public StringData getString(int pos) {
    return (StringData) objects[pos];
  }

  @Override
  public DecimalData getDecimal(int pos, int precision, int scale) {
    return (DecimalData) objects[pos];
  }

  @Override
  public TimestampData getTimestamp(int pos, int precision) {
    return (TimestampData) objects[pos];
  }

  @Override
  public byte[] getBinary(int pos) {
    return (byte[]) objects[pos];
  }

  @Override
  public ArrayData getArray(int pos) {
    return (ArrayData) objects[pos];
  }

  @Override
  public MapData getMap(int pos) {
    return (MapData) objects[pos];
  }

  @Override
  public Row getRow(int pos, int arity) {
    return (Row) objects[pos];
  }

  /** Equal to another generic array with equal elements, whether boxed or primitive. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GenericArray other) || other.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!Objects.deepEquals(getElement(i), other.getElement(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < size; i++) {
      Object element = getElement(i);
      int elementHash =
          element instanceof byte[] b ? java.util.Arrays.hashCode(b) : Objects.hashCode(element);
      h = 31 * h + elementHash;
    }
    return h;
  }

  /** Prints as Flink prints arrays: {@code [1, 2, null]}. */
  @Override
  public String toString() {
    StringJoiner joiner = new StringJoiner(", ", "[", "]");
    for (int i = 0; i < size; i++) {
      joiner.add(InternalValues.format(getElement(i)));
    }
    return joiner.toString();
  }
}
