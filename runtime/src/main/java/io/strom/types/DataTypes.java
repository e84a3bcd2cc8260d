package io.strom.types;

import io.strom.types.DayTimeIntervalType.Resolution;
import io.strom.types.RowType.RowField;
import java.util.List;

/**
 * Factory of {@link LogicalType}s named as in SQL; import its methods statically.
 *
 * <pre>{@code
 * RowType t = ROW(FIELD("id", BIGINT().notNull()), FIELD("price", DECIMAL(10, 2)));
 * }</pre>
 *
 * <p>All types are nullable unless made {@code NOT NULL} with {@link #notNull(LogicalType)} or
 * {@link LogicalType#copy(boolean)}.
 */
public final class DataTypes {
  private DataTypes() {}

  public static BooleanType BOOLEAN() {
    return new BooleanType();
  }

  public static TinyIntType TINYINT() {
    return new TinyIntType();
  }

  public static SmallIntType SMALLINT() {
    return new SmallIntType();
  }

  public static IntType INT() {
    return new IntType();
  }

  public static BigIntType BIGINT() {
    return new BigIntType();
  }

  public static FloatType FLOAT() {
    return new FloatType();
  }

  public static DoubleType DOUBLE() {
    return new DoubleType();
  }

  public static DecimalType DECIMAL(int precision, int scale) {
    return new DecimalType(precision, scale);
  }

  public static CharType CHAR(int length) {
    return new CharType(length);
  }

  public static VarCharType VARCHAR(int length) {
    return new VarCharType(length);
  }

  /** {@code VARCHAR(2147483647)}. */
  public static VarCharType STRING() {
    return new VarCharType(VarCharType.MAX_LENGTH);
  }

  public static BinaryType BINARY(int length) {
    return new BinaryType(length);
  }

  public static VarBinaryType VARBINARY(int length) {
    return new VarBinaryType(length);
  }

  /** {@code VARBINARY(2147483647)}. */
  public static VarBinaryType BYTES() {
    return new VarBinaryType(VarBinaryType.MAX_LENGTH);
  }

  public static DateType DATE() {
    return new DateType();
  }

  public static TimeType TIME(int precision) {
    return new TimeType(precision);
  }

  /** {@code TIME(0)}. */
  public static TimeType TIME() {
    return new TimeType(TimeType.DEFAULT_PRECISION);
  }

  public static TimestampType TIMESTAMP(int precision) {
    return new TimestampType(precision);
  }

  /** {@code TIMESTAMP(6)}. */
  public static TimestampType TIMESTAMP() {
    return new TimestampType(TimestampType.DEFAULT_PRECISION);
  }

  public static LocalZonedTimestampType TIMESTAMP_LTZ(int precision) {
    return new LocalZonedTimestampType(precision);
  }

  /** {@code TIMESTAMP_LTZ(6)}. */
  public static LocalZonedTimestampType TIMESTAMP_LTZ() {
    return new LocalZonedTimestampType(LocalZonedTimestampType.DEFAULT_PRECISION);
  }

  /** {@code INTERVAL YEAR(2) TO MONTH}. */
  public static YearMonthIntervalType INTERVAL_YEAR_TO_MONTH() {
    return new YearMonthIntervalType(YearMonthIntervalType.Resolution.YEAR_TO_MONTH);
  }

  /** {@code INTERVAL DAY(2) TO SECOND(p)}. */
  public static DayTimeIntervalType INTERVAL_DAY_TO_SECOND(int fractionalPrecision) {
    return new DayTimeIntervalType(Resolution.DAY_TO_SECOND, fractionalPrecision);
  }

  /** A day-time interval of any resolution, with default day precision. */
  public static DayTimeIntervalType INTERVAL(Resolution resolution, int fractionalPrecision) {
    return new DayTimeIntervalType(resolution, fractionalPrecision);
  }

  /** A year-month interval of any resolution, with default year precision. */
  public static YearMonthIntervalType INTERVAL(YearMonthIntervalType.Resolution resolution) {
    return new YearMonthIntervalType(resolution);
  }

  public static ArrayType ARRAY(LogicalType elementType) {
    return new ArrayType(elementType);
  }

  public static MapType MAP(LogicalType keyType, LogicalType valueType) {
    return new MapType(keyType, valueType);
  }

  public static MultisetType MULTISET(LogicalType elementType) {
    return new MultisetType(elementType);
  }

  public static RowType ROW(RowField... fields) {
    return new RowType(List.of(fields));
  }

  public static RowType ROW(List<RowField> fields) {
    return new RowType(fields);
  }

  public static RowField FIELD(String name, LogicalType type) {
    return new RowField(name, type);
  }

  public static RowField FIELD(String name, LogicalType type, String description) {
    return new RowField(name, type, description);
  }

  public static NullType NULL() {
    return new NullType();
  }

  /** Returns {@code type} as {@code NOT NULL}. */
  @SuppressWarnings("unchecked")
  public static <T extends LogicalType> T notNull(T type) {
    return (T) type.copy(false);
  }
}
