package io.strom.data;

import io.strom.types.ArrayType;
import io.strom.types.DecimalType;
import io.strom.types.LocalZonedTimestampType;
import io.strom.types.LogicalType;
import io.strom.types.MapType;
import io.strom.types.MultisetType;
import io.strom.types.RowType;
import io.strom.types.TimestampType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between the engine's rows and the Java rows programs see ({@link io.strom.types.Row}):
 * {@code STRING} is a {@code String}, {@code DECIMAL} a {@code BigDecimal}, {@code TIMESTAMP} a
 * {@code LocalDateTime}, {@code TIMESTAMP_LTZ} an {@code Instant}, {@code DATE} a {@code
 * LocalDate}, {@code TIME} a {@code LocalTime}, intervals {@code Period}/{@code Duration}, {@code
 * ARRAY} a Java array, {@code MAP} a {@code Map}, {@code MULTISET} a {@code Map} to counts, {@code
 * ROW} a {@code Row} — the classes Flink uses by default. Allocates per field: for results and
 * program boundaries, not for the per-record path between operators.
 */
public final class ExternalRows {
  private ExternalRows() {}

  /** The row as Java values, its fields named after {@code type}'s. */
  public static io.strom.types.Row toExternal(Row row, RowType type) {
    Object[] values = new Object[row.arity()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.isNullAt(i) ? null : toExternal(row, i, type.typeAt(i));
    }
    return io.strom.types.Row.withNames(row.kind(), type.fieldNames(), values);
  }

  /** The engine's form of a Java row of {@code type}; values must be of the classes above. */
  public static GenericRow toInternal(io.strom.types.Row row, RowType type) {
    if (row.getArity() != type.fieldCount()) {
      throw new IllegalArgumentException(
          "A row of " + row.getArity() + " fields does not fit " + type.asSummaryString());
    }
    GenericRow internal = new GenericRow(row.getKind(), row.getArity());
    for (int i = 0; i < row.getArity(); i++) {
      setInternal(internal, i, row.getField(i), type.typeAt(i), type.fieldNames().get(i));
    }
    return internal;
  }

  /** Sets field {@code pos} of {@code target} from a Java value of {@code type}. */
  public static void setInternal(
      GenericRow target, int pos, Object value, LogicalType type, String fieldName) {
    if (value == null) {
      target.setNullAt(pos);
      return;
    }
    try {
      switch (type.root()) {
        case DATE -> target.setDate(pos, (int) ((LocalDate) value).toEpochDay());
        case TIME_WITHOUT_TIME_ZONE ->
            target.setTime(pos, (int) (((LocalTime) value).toNanoOfDay() / 1_000_000L));
        default -> target.setField(pos, toInternal(value, type));
      }
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "Field '" + fieldName + "' of type " + type.asSummaryString() + " cannot take the "
              + value.getClass().getName() + " value " + value, e);
    }
  }

  private static Object toInternal(Object value, LogicalType type) {
    return switch (type.root()) {
      case BOOLEAN -> (Boolean) value;
      case TINYINT -> ((Number) value).byteValue();
      case SMALLINT -> ((Number) value).shortValue();
      case INTEGER -> ((Number) value).intValue();
      case BIGINT -> ((Number) value).longValue();
      case FLOAT -> ((Number) value).floatValue();
      case DOUBLE -> ((Number) value).doubleValue();
      case DATE -> (int) ((LocalDate) value).toEpochDay();
      case TIME_WITHOUT_TIME_ZONE -> (int) (((LocalTime) value).toNanoOfDay() / 1_000_000L);
      case INTERVAL_YEAR_MONTH -> (int) ((Period) value).toTotalMonths();
      case INTERVAL_DAY_TIME -> ((Duration) value).toMillis();
      case CHAR, VARCHAR -> StringData.fromString(value.toString());
      case BINARY, VARBINARY -> (byte[]) value;
      case DECIMAL -> {
        DecimalType decimal = (DecimalType) type;
        yield DecimalData.fromBigDecimal((BigDecimal) value, decimal.precision(), decimal.scale());
      }
      case TIMESTAMP_WITHOUT_TIME_ZONE -> TimestampData.fromLocalDateTime((LocalDateTime) value);
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> TimestampData.fromInstant((Instant) value);
      case ARRAY -> {
        LogicalType element = ((ArrayType) type).elementType();
        Object[] elements = value instanceof List<?> list ? list.toArray() : (Object[]) value;
        Object[] internal = new Object[elements.length];
        for (int i = 0; i < elements.length; i++) {
          internal[i] = elements[i] == null ? null : toInternal(elements[i], element);
        }
        yield new GenericArray(internal);
      }
      case MAP, MULTISET -> {
        LogicalType keyType = type instanceof MapType m ? m.keyType() : ((MultisetType) type).elementType();
        LogicalType valueType = type instanceof MapType m ? m.valueType() : new io.strom.types.IntType(false);
        Map<Object, Object> internal = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> internal.put(
            k == null ? null : toInternal(k, keyType), v == null ? null : toInternal(v, valueType)));
        yield new GenericMap(internal);
      }
      case ROW -> toInternal((io.strom.types.Row) value, (RowType) type);
      case NULL -> null;
    };
  }

  /** The non-null value at {@code pos} as a Java value. */
  public static Object toExternal(DataGetters data, int pos, LogicalType type) {
    return switch (type.root()) {
      case BOOLEAN -> data.getBoolean(pos);
      case TINYINT -> data.getByte(pos);
      case SMALLINT -> data.getShort(pos);
      case INTEGER -> data.getInt(pos);
      case BIGINT -> data.getLong(pos);
      case FLOAT -> data.getFloat(pos);
      case DOUBLE -> data.getDouble(pos);
      case DATE -> LocalDate.ofEpochDay(data.getInt(pos));
      case TIME_WITHOUT_TIME_ZONE -> LocalTime.ofNanoOfDay(data.getInt(pos) * 1_000_000L);
      case INTERVAL_YEAR_MONTH -> Period.ofMonths(data.getInt(pos)).normalized();
      case INTERVAL_DAY_TIME -> Duration.ofMillis(data.getLong(pos));
      case CHAR, VARCHAR -> data.getString(pos).toString();
      case BINARY, VARBINARY -> data.getBinary(pos).clone();
      case DECIMAL -> {
        DecimalType decimal = (DecimalType) type;
        yield data.getDecimal(pos, decimal.precision(), decimal.scale()).toBigDecimal();
      }
      case TIMESTAMP_WITHOUT_TIME_ZONE ->
          data.getTimestamp(pos, ((TimestampType) type).precision()).toLocalDateTime();
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
          data.getTimestamp(pos, ((LocalZonedTimestampType) type).precision()).toInstant();
      case ARRAY -> array(data.getArray(pos), ((ArrayType) type).elementType());
      case MAP -> map(data.getMap(pos), ((MapType) type).keyType(), ((MapType) type).valueType());
      case MULTISET ->
          map(data.getMap(pos), ((MultisetType) type).elementType(), new io.strom.types.IntType(false));
      case ROW -> {
        RowType rowType = (RowType) type;
        yield toExternal(data.getRow(pos, rowType.fieldCount()), rowType);
      }
      case NULL -> null;
    };
  }

  private static Object[] array(ArrayData array, LogicalType elementType) {
    Object[] values =
        (Object[]) java.lang.reflect.Array.newInstance(javaClass(elementType), array.size());
    for (int i = 0; i < values.length; i++) {
      values[i] = array.isNullAt(i) ? null : toExternal(array, i, elementType);
    }
    return values;
  }

  private static Map<Object, Object> map(MapData map, LogicalType keyType, LogicalType valueType) {
    ArrayData keys = map.keyArray();
    ArrayData values = map.valueArray();
    Map<Object, Object> entries = new LinkedHashMap<>();
    for (int i = 0; i < map.size(); i++) {
      entries.put(
          keys.isNullAt(i) ? null : toExternal(keys, i, keyType),
          values.isNullAt(i) ? null : toExternal(values, i, valueType));
    }
    return entries;
  }

  /** The Java class of values of {@code type}, as above (boxed for primitives). */
  public static Class<?> javaClass(LogicalType type) {
    return switch (type.root()) {
      case BOOLEAN -> Boolean.class;
      case TINYINT -> Byte.class;
      case SMALLINT -> Short.class;
      case INTEGER -> Integer.class;
      case BIGINT -> Long.class;
      case FLOAT -> Float.class;
      case DOUBLE -> Double.class;
      case DATE -> LocalDate.class;
      case TIME_WITHOUT_TIME_ZONE -> LocalTime.class;
      case INTERVAL_YEAR_MONTH -> Period.class;
      case INTERVAL_DAY_TIME -> Duration.class;
      case CHAR, VARCHAR -> String.class;
      case BINARY, VARBINARY -> byte[].class;
      case DECIMAL -> BigDecimal.class;
      case TIMESTAMP_WITHOUT_TIME_ZONE -> LocalDateTime.class;
      case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> Instant.class;
      case ARRAY -> java.lang.reflect.Array.newInstance(javaClass(((ArrayType) type).elementType()), 0).getClass();
      case MAP, MULTISET -> Map.class;
      case ROW -> io.strom.types.Row.class;
      case NULL -> Object.class;
    };
  }

  /**
   * The SQL type values of a Java class get by default, or null when there is none: as Flink,
   * {@code LocalDateTime} is TIMESTAMP(9), {@code Instant} TIMESTAMP_LTZ(9), {@code BigDecimal}
   * DECIMAL(38, 18); primitives are NOT NULL.
   */
  public static LogicalType defaultType(Class<?> type) {
    LogicalType boxed = switch (type.getName()) {
      case "boolean", "java.lang.Boolean" -> io.strom.types.DataTypes.BOOLEAN();
      case "byte", "java.lang.Byte" -> io.strom.types.DataTypes.TINYINT();
      case "short", "java.lang.Short" -> io.strom.types.DataTypes.SMALLINT();
      case "int", "java.lang.Integer" -> io.strom.types.DataTypes.INT();
      case "long", "java.lang.Long" -> io.strom.types.DataTypes.BIGINT();
      case "float", "java.lang.Float" -> io.strom.types.DataTypes.FLOAT();
      case "double", "java.lang.Double" -> io.strom.types.DataTypes.DOUBLE();
      case "java.lang.String" -> io.strom.types.DataTypes.STRING();
      case "java.math.BigDecimal" -> io.strom.types.DataTypes.DECIMAL(38, 18);
      case "java.time.LocalDate" -> io.strom.types.DataTypes.DATE();
      case "java.time.LocalTime" -> io.strom.types.DataTypes.TIME();
      case "java.time.LocalDateTime" -> io.strom.types.DataTypes.TIMESTAMP(9);
      case "java.time.Instant" -> io.strom.types.DataTypes.TIMESTAMP_LTZ(9);
      case "[B" -> io.strom.types.DataTypes.BYTES();
      default -> null;
    };
    return boxed == null ? null : type.isPrimitive() ? boxed.copy(false) : boxed;
  }

  /** Every row of {@code rows} as Java rows. */
  public static List<io.strom.types.Row> toExternal(List<? extends Row> rows, RowType type) {
    List<io.strom.types.Row> external = new ArrayList<>(rows.size());
    for (Row row : rows) {
      external.add(toExternal(row, type));
    }
    return external;
  }
}
