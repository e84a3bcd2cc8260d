package io.strom.codegen.expr;

import io.strom.codegen.UnsupportedExpressionException;
import io.strom.types.LogicalType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The internal Java representation of each SQL type in generated code, and the code that reads a
 * value from a row or writes one into a {@link io.strom.data.GenericRow}.
 */
public final class JavaTypes {
  public static final String STRING = "io.strom.data.StringData";
  public static final String DECIMAL = "io.strom.data.DecimalData";
  public static final String TIMESTAMP = "io.strom.data.TimestampData";

  private JavaTypes() {}

  /** The Java type of values of {@code type} in generated code. */
  public static String of(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
      case BOOLEAN: return "boolean";
      case TINYINT: return "byte";
      case SMALLINT: return "short";
      case INTEGER:
      case DATE:
      case TIME: return "int";
      case BIGINT: return "long";
      case FLOAT:
      case REAL: return "float";
      case DOUBLE: return "double";
      case DECIMAL: return DECIMAL;
      case CHAR:
      case VARCHAR: return STRING;
      case BINARY:
      case VARBINARY: return "byte[]";
      case TIMESTAMP:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: return TIMESTAMP;
      case ARRAY: return "io.strom.data.ArrayData";
      case MAP:
      case MULTISET: return "io.strom.data.MapData";
      case ROW: return "io.strom.data.Row";
      case NULL:
      case SYMBOL: return "Object";
      default:
        if (isYearMonthInterval(type)) {
          return "int";
        }
        if (isDayTimeInterval(type)) {
          return "long";
        }
        throw new UnsupportedExpressionException(
            "Type " + type.getFullTypeString() + " is not supported in expressions yet");
    }
  }

  public static boolean isYearMonthInterval(RelDataType type) {
    return type.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_YEAR_MONTH;
  }

  public static boolean isDayTimeInterval(RelDataType type) {
    return type.getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME;
  }

  /** True when the Java type is primitive. */
  public static boolean isPrimitive(RelDataType type) {
    switch (of(type)) {
      case "boolean":
      case "byte":
      case "short":
      case "int":
      case "long":
      case "float":
      case "double":
        return true;
      default:
        return false;
    }
  }

  /** The boxed form of the Java type, for values that may come back null from helpers. */
  public static String boxed(RelDataType type) {
    switch (of(type)) {
      case "boolean": return "Boolean";
      case "byte": return "Byte";
      case "short": return "Short";
      case "int": return "Integer";
      case "long": return "Long";
      case "float": return "Float";
      case "double": return "Double";
      default: return of(type);
    }
  }

  /** The value a variable of the type holds while it is NULL. */
  public static String defaultValue(RelDataType type) {
    switch (of(type)) {
      case "boolean": return "false";
      case "byte": return "(byte) 0";
      case "short": return "(short) 0";
      case "int": return "0";
      case "long": return "0L";
      case "float": return "0.0f";
      case "double": return "0.0d";
      default: return "null";
    }
  }

  /** Code reading position {@code pos} of {@code getters} (a row or array), which must not be NULL. */
  public static String read(String getters, String pos, RelDataType type) {
    switch (of(type)) {
      case "boolean": return getters + ".getBoolean(" + pos + ")";
      case "byte": return getters + ".getByte(" + pos + ")";
      case "short": return getters + ".getShort(" + pos + ")";
      case "int": return getters + ".getInt(" + pos + ")";
      case "long": return getters + ".getLong(" + pos + ")";
      case "float": return getters + ".getFloat(" + pos + ")";
      case "double": return getters + ".getDouble(" + pos + ")";
      case STRING: return getters + ".getString(" + pos + ")";
      case DECIMAL:
        return getters + ".getDecimal(" + pos + ", " + type.getPrecision() + ", "
            + type.getScale() + ")";
      case TIMESTAMP: return getters + ".getTimestamp(" + pos + ", " + type.getPrecision() + ")";
      case "byte[]": return getters + ".getBinary(" + pos + ")";
      case "io.strom.data.ArrayData": return getters + ".getArray(" + pos + ")";
      case "io.strom.data.MapData": return getters + ".getMap(" + pos + ")";
      case "io.strom.data.Row":
        return getters + ".getRow(" + pos + ", " + type.getFieldCount() + ")";
      default: return "null";
    }
  }

  /** Code setting field {@code pos} of GenericRow {@code row} to a non-null {@code value}. */
  public static String write(String row, int pos, LogicalType type, String value) {
    switch (type.root()) {
      case BOOLEAN: return row + ".setBoolean(" + pos + ", " + value + ");";
      case TINYINT: return row + ".setByte(" + pos + ", " + value + ");";
      case SMALLINT: return row + ".setShort(" + pos + ", " + value + ");";
      case INTEGER:
      case INTERVAL_YEAR_MONTH: return row + ".setInt(" + pos + ", " + value + ");";
      case DATE: return row + ".setDate(" + pos + ", " + value + ");";
      case TIME_WITHOUT_TIME_ZONE: return row + ".setTime(" + pos + ", " + value + ");";
      case BIGINT:
      case INTERVAL_DAY_TIME: return row + ".setLong(" + pos + ", " + value + ");";
      case FLOAT: return row + ".setFloat(" + pos + ", " + value + ");";
      case DOUBLE: return row + ".setDouble(" + pos + ", " + value + ");";
      case CHAR:
      case VARCHAR: return row + ".setString(" + pos + ", " + value + ");";
      case DECIMAL: return row + ".setDecimal(" + pos + ", " + value + ");";
      case TIMESTAMP_WITHOUT_TIME_ZONE:
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE: return row + ".setTimestamp(" + pos + ", " + value + ");";
      case BINARY:
      case VARBINARY: return row + ".setBinary(" + pos + ", " + value + ");";
      case ARRAY: return row + ".setArray(" + pos + ", " + value + ");";
      case MAP:
      case MULTISET: return row + ".setMap(" + pos + ", " + value + ");";
      case ROW: return row + ".setRow(" + pos + ", " + value + ");";
      default: return row + ".setNullAt(" + pos + ");";
    }
  }

  /** A Java string literal of {@code s}, escaping quotes, backslashes and non-ASCII characters. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c >= 32 && c < 127) {
        sb.append(c);
      } else if (c < 32) {
        sb.append(String.format("\\%03o", (int) c));
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.append('"').toString();
  }
}
