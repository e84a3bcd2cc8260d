package io.strom.codegen.expr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Conversions in generated code between the engine's internal values and the Java values
 * user-defined functions take and return ({@code String}, boxed numbers, {@code BigDecimal},
 * {@code java.time} types, {@code byte[]}).
 */
public final class JavaValues {
  private JavaValues() {}

  /**
   * Code converting {@code v}, the non-null internal value of SQL type {@code t}, to Java
   * parameter class {@code param}.
   */
  public static String toExternal(String v, RelDataType t, Class<?> param) {
    if (param == String.class) {
      return v + ".toString()";
    } else if (param == BigDecimal.class) {
      return SqlTypeUtil.isDecimal(t) ? v + ".toBigDecimal()"
          : "java.math.BigDecimal.valueOf((long) " + v + ")";
    } else if (param == LocalDate.class) {
      return "java.time.LocalDate.ofEpochDay(" + v + ")";
    } else if (param == LocalTime.class) {
      return "java.time.LocalTime.ofNanoOfDay(" + v + " * 1000000L)";
    } else if (param == LocalDateTime.class) {
      return v + ".toLocalDateTime()";
    } else if (param == Instant.class) {
      return v + ".toInstant()";
    } else if (param == byte[].class) {
      return v;
    }
    Class<?> primitive = unbox(param);
    if (SqlTypeUtil.isDecimal(t)) {
      String d = "io.strom.runtime.functions.DecimalFunctions.toDouble(" + v + ")";
      return box(param, "((" + primitive.getName() + ") " + d + ")");
    }
    return box(param, "((" + primitive.getName() + ") " + v + ")");
  }

  private static Class<?> unbox(Class<?> c) {
    if (c == Integer.class) return int.class;
    if (c == Long.class) return long.class;
    if (c == Double.class) return double.class;
    if (c == Float.class) return float.class;
    if (c == Short.class) return short.class;
    if (c == Byte.class) return byte.class;
    if (c == Boolean.class) return boolean.class;
    return c;
  }

  private static String box(Class<?> param, String value) {
    return param.isPrimitive() ? value : param.getSimpleName() + ".valueOf(" + value + ")";
  }

  /**
   * Code converting {@code r}, a non-null Java value of class {@code c}, to the internal form of
   * SQL type {@code type}.
   */
  public static String toInternal(String r, Class<?> c, RelDataType type) {
    if (c == String.class) {
      return "io.strom.data.StringData.fromString(" + r + ")";
    } else if (c == BigDecimal.class) {
      return "io.strom.data.DecimalData.fromBigDecimal(" + r + ", " + type.getPrecision() + ", "
          + type.getScale() + ")";
    } else if (c == LocalDate.class) {
      return "(int) " + r + ".toEpochDay()";
    } else if (c == LocalTime.class) {
      return "(int) (" + r + ".toNanoOfDay() / 1000000L)";
    } else if (c == LocalDateTime.class) {
      return "io.strom.data.TimestampData.fromLocalDateTime(" + r + ")";
    } else if (c == Instant.class) {
      return "io.strom.data.TimestampData.fromInstant(" + r + ")";
    } else if (c == byte[].class) {
      return r;
    }
    return c.isPrimitive() ? r : r + "." + unbox(c).getName() + "Value()";
  }
}
