package io.strom.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Conversions from Java values to the internal data classes, and the printed form of the latter. */
public final class InternalValues {
  private InternalValues() {}

  /**
   * The internal value for a Java value: {@code String} becomes {@link StringData}, {@code
   * BigDecimal} a {@link DecimalData} of its own precision and scale, {@code LocalDate} an int of
   * days, {@code LocalTime} an int of millis, {@code LocalDateTime} and {@code Instant} a {@link
   * TimestampData}, lists and arrays a {@link GenericArray}, maps a {@link GenericMap}. Boxed
   * primitives, {@code byte[]} and values that are internal already pass through.
   *
   * @throws IllegalArgumentException for a class with no SQL counterpart
   */
  public static Object toInternal(Object value) {
    if (value == null
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof Float
        || value instanceof Short
        || value instanceof Byte
        || value instanceof Boolean
        || value instanceof StringData
        || value instanceof DecimalData
        || value instanceof TimestampData
        || value instanceof byte[]
        || value instanceof Row
        || value instanceof ArrayData
        || value instanceof MapData) {
      return value;
    }
    if (value instanceof String s) {
      return StringData.fromString(s);
    }
    if (value instanceof BigDecimal bd) {
      int precision = Math.max(1, Math.max(bd.precision(), bd.scale()));
      return DecimalData.fromBigDecimal(bd, precision, Math.max(0, bd.scale()));
    }
    if (value instanceof LocalDate d) {
      return (int) d.toEpochDay();
    }
    if (value instanceof LocalTime t) {
      return millisOfDay(t);
    }
    if (value instanceof LocalDateTime dt) {
      return TimestampData.fromLocalDateTime(dt);
    }
    if (value instanceof Instant instant) {
      return TimestampData.fromInstant(instant);
    }
    return toInternalContainer(value);
  }

  private static Object toInternalContainer(Object value) {
    if (value instanceof Collection<?> list) {
      return new GenericArray(list.stream().map(InternalValues::toInternal).toArray());
    }
    if (value instanceof Object[] array) {
      return new GenericArray(Arrays.stream(array).map(InternalValues::toInternal).toArray());
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> internal = new LinkedHashMap<>();
      map.forEach((k, v) -> internal.put(toInternal(k), toInternal(v)));
      return new GenericMap(internal);
    }
    throw new IllegalArgumentException(
        "A value of " + value.getClass().getName() + " has no SQL counterpart; use String, "
            + "BigDecimal, java.time types, List, Map, byte[], boxed primitives or internal data");
  }

  static int millisOfDay(LocalTime time) {
    return (int) (time.toNanoOfDay() / 1_000_000L);
  }

  /** Prints an internal value as Flink prints a field of a changelog row. */
  public static String format(Object value) {
    if (value instanceof byte[] bytes) {
      return Arrays.toString(bytes);
    }
    return String.valueOf(value);
  }
}
