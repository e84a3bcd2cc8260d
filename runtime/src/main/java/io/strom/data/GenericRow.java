package io.strom.data;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Objects;

/**
 * The object form of a {@link Row}: fields set one by one, read without boxing.
 *
 * <p>Primitive fields live in a {@code long[]} (floats and doubles as their bits), everything else
 * in an {@code Object[]} holding internal values ({@link StringData}, {@link DecimalData}, ...). A
 * per-field tag records what kind of value was set, which marks NULLs and lets the row print and
 * serialize itself without a schema. Not thread-safe.
 */
public final class GenericRow implements Row {
  private final long[] primitives;
  private final Object[] references;
  private final byte[] tags;
  private RowKind kind;

  /** A row of {@code arity} NULL fields and kind INSERT. */
  public GenericRow(int arity) {
    this(RowKind.INSERT, arity);
  }

  public GenericRow(RowKind kind, int arity) {
    this.kind = requireNonNull(kind, "kind");
    this.primitives = new long[arity];
    this.references = new Object[arity];
    this.tags = new byte[arity];
  }

  /**
   * An INSERT row of the given values, which may be internal values or their Java counterparts
   * ({@code String}, {@code BigDecimal}, {@code LocalDate}, {@code LocalDateTime}, {@code List},
   * ...); see {@link #setField}. Meant for tests and literals, not for the hot path.
   */
  public static GenericRow of(Object... values) {
    return ofKind(RowKind.INSERT, values);
  }

  public static GenericRow ofKind(RowKind kind, Object... values) {
    GenericRow row = new GenericRow(kind, values.length);
    for (int i = 0; i < values.length; i++) {
      row.setField(i, values[i]);
    }
    return row;
  }

  @Override
  public int arity() {
    return tags.length;
  }

  @Override
  public RowKind kind() {
    return kind;
  }

  @Override
  public void setKind(RowKind kind) {
    this.kind = requireNonNull(kind, "kind");
  }

  /** What kind of value field {@code pos} holds; {@link FieldTag#NULL} when it is NULL. */
  public FieldTag tagAt(int pos) {
    return FieldTag.of(tags[pos]);
  }

  // ---- setters -------------------------------------------------------------------------------

  public void setNullAt(int pos) {
    tags[pos] = FieldTag.NULL.code;
    primitives[pos] = 0;
    references[pos] = null;
  }

  private void setPrimitive(int pos, FieldTag tag, long bits) {
    tags[pos] = tag.code;
    primitives[pos] = bits;
    references[pos] = null;
  }

  public void setBoolean(int pos, boolean value) {
    setPrimitive(pos, FieldTag.BOOLEAN, value ? 1 : 0);
  }

  public void setByte(int pos, byte value) {
    setPrimitive(pos, FieldTag.BYTE, value);
  }

  public void setShort(int pos, short value) {
    setPrimitive(pos, FieldTag.SHORT, value);
  }

  public void setInt(int pos, int value) {
    setPrimitive(pos, FieldTag.INT, value);
  }

  /** Sets an int that is a DATE (days since epoch); reads back with {@link #getInt}. */
  public void setDate(int pos, int epochDays) {
    setPrimitive(pos, FieldTag.DATE, epochDays);
  }

  /** Sets an int that is a TIME (millis of day); reads back with {@link #getInt}. */
  public void setTime(int pos, int millisOfDay) {
    setPrimitive(pos, FieldTag.TIME, millisOfDay);
  }

  public void setLong(int pos, long value) {
    setPrimitive(pos, FieldTag.LONG, value);
  }

  /** Stores the float's canonical bits, so all NaNs are equal as in {@link Float#equals}. */
  public void setFloat(int pos, float value) {
    setPrimitive(pos, FieldTag.FLOAT, Float.floatToIntBits(value));
  }

  /** Stores the double's canonical bits, so all NaNs are equal as in {@link Double#equals}. */
  public void setDouble(int pos, double value) {
    setPrimitive(pos, FieldTag.DOUBLE, Double.doubleToLongBits(value));
  }

  public void setString(int pos, StringData value) {
    setReference(pos, value);
  }

  public void setDecimal(int pos, DecimalData value) {
    setReference(pos, value);
  }

  public void setTimestamp(int pos, TimestampData value) {
    setReference(pos, value);
  }

  public void setBinary(int pos, byte[] value) {
    setReference(pos, value);
  }

  public void setArray(int pos, ArrayData value) {
    setReference(pos, value);
  }

  public void setMap(int pos, MapData value) {
    setReference(pos, value);
  }

  public void setRow(int pos, Row value) {
    setReference(pos, value);
  }

  private void setReference(int pos, Object value) {
    if (value == null) {
      setNullAt(pos);
      return;
    }
    tags[pos] = FieldTag.REFERENCE.code;
    primitives[pos] = 0;
    references[pos] = value;
  }

  /**
   * Sets a field from an internal value or a Java value, converting the latter as {@link
   * InternalValues#toInternal(Object)} does. Boxed primitives take the matching primitive slot.
   */
  public void setField(int pos, Object value) {
    if (value instanceof java.time.LocalDate date) {
      setDate(pos, (int) date.toEpochDay());
      return;
    }
    if (value instanceof java.time.LocalTime time) {
      setTime(pos, InternalValues.millisOfDay(time));
      return;
    }
    Object internal = InternalValues.toInternal(value);
    if (internal == null) {
      setNullAt(pos);
    } else if (internal instanceof Integer i) {
      setInt(pos, i);
    } else if (internal instanceof Long l) {
      setLong(pos, l);
    } else if (internal instanceof Double d) {
      setDouble(pos, d);
    } else if (internal instanceof Boolean b) {
      setBoolean(pos, b);
    } else if (internal instanceof Float f) {
      setFloat(pos, f);
    } else if (internal instanceof Short s) {
      setShort(pos, s);
    } else if (internal instanceof Byte b) {
      setByte(pos, b);
    } else {
      setReference(pos, internal);
    }
  }

  /** The field as a (boxed) internal value, or null; for tests and printing, not the hot path. */
  public Object getField(int pos) {
    long bits = primitives[pos];
    return switch (FieldTag.of(tags[pos])) {
      case NULL -> null;
      case BOOLEAN -> bits != 0;
      case BYTE -> (byte) bits;
      case SHORT -> (short) bits;
      case INT, DATE, TIME -> (int) bits;
      case LONG -> bits;
      case FLOAT -> Float.intBitsToFloat((int) bits);
      case DOUBLE -> Double.longBitsToDouble(bits);
      case REFERENCE -> references[pos];
    };
  }

  /**
   * Overwrites this row's fields with {@code other}'s (of the same arity), keeping this row's
   * kind; the values themselves are shared, as in {@link #shallowCopy}.
   */
  public void setFieldsFrom(GenericRow other) {
    if (other.tags.length != tags.length) {
      throw new IllegalArgumentException(
          "Rows of " + other.tags.length + " and " + tags.length + " fields");
    }
    System.arraycopy(other.primitives, 0, primitives, 0, primitives.length);
    System.arraycopy(other.references, 0, references, 0, references.length);
    System.arraycopy(other.tags, 0, tags, 0, tags.length);
  }

  /** A copy with its own field arrays; the (immutable or shared) values themselves are shared. */
  public GenericRow shallowCopy() {
    GenericRow copy = new GenericRow(kind, tags.length);
    System.arraycopy(primitives, 0, copy.primitives, 0, primitives.length);
    System.arraycopy(references, 0, copy.references, 0, references.length);
    System.arraycopy(tags, 0, copy.tags, 0, tags.length);
    return copy;
  }

  // ---- getters -------------------------------------------------------------------------------

  @Override
  public boolean isNullAt(int pos) {
    return tags[pos] == FieldTag.NULL.code;
  }

  @Override
  public boolean getBoolean(int pos) {
    return primitives[pos] != 0;
  }

  @Override
  public byte getByte(int pos) {
    return (byte) primitives[pos];
  }

  @Override
  public short getShort(int pos) {
    return (short) primitives[pos];
  }

  @Override
  public int getInt(int pos) {
    return (int) primitives[pos];
  }

  @Override
  public long getLong(int pos) {
    return primitives[pos];
  }

  @Override
  public float getFloat(int pos) {
    return Float.intBitsToFloat((int) primitives[pos]);
  }

  @Override
  public double getDouble(int pos) {
    return Double.longBitsToDouble(primitives[pos]);
  }

  @Override
  public StringData getString(int pos) {
    return (StringData) references[pos];
  }

  @Override
  public DecimalData getDecimal(int pos, int precision, int scale) {
    return (DecimalData) references[pos];
  }

  @Override
  public TimestampData getTimestamp(int pos, int precision) {
    return (TimestampData) references[pos];
  }

  @Override
  public byte[] getBinary(int pos) {
    return (byte[]) references[pos];
  }

  @Override
  public ArrayData getArray(int pos) {
    return (ArrayData) references[pos];
  }

  @Override
  public MapData getMap(int pos) {
    return (MapData) references[pos];
  }

  @Override
  public Row getRow(int pos, int arity) {
    return (Row) references[pos];
  }

  // ---- object methods ------------------------------------------------------------------------

  /** Equal when kind and all fields are equal; a DATE and an INT of the same value are equal. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof GenericRow other) || other.kind != kind || other.arity() != arity()) {
      return false;
    }
    for (int i = 0; i < tags.length; i++) {
      if (FieldTag.of(tags[i]).comparable() != FieldTag.of(other.tags[i]).comparable()
          || primitives[i] != other.primitives[i]
          || !Objects.deepEquals(references[i], other.references[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = kind.hashCode();
    for (int i = 0; i < tags.length; i++) {
      Object ref = references[i];
      int fieldHash = ref instanceof byte[] bytes ? Arrays.hashCode(bytes) : Objects.hashCode(ref);
      h = 31 * h + Long.hashCode(primitives[i]) * 17 + fieldHash;
    }
    return h;
  }

  /** Prints the row as Flink prints changelog rows: {@code +I[a, 1, null]}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(kind.shortString()).append('[');
    for (int i = 0; i < tags.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      FieldTag tag = FieldTag.of(tags[i]);
      Object value = getField(i);
      sb.append(InternalValues.format(
          tag == FieldTag.DATE || tag == FieldTag.TIME ? tag.asJavaValue(primitives[i]) : value));
    }
    return sb.append(']').toString();
  }
}
