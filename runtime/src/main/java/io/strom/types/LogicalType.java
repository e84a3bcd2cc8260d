package io.strom.types;

import java.util.List;

/**
 * A SQL data type as the runtime sees it: what values a column holds and whether it may be NULL.
 *
 * <p>Every type is an immutable record, so types compare by value and are safe to share. The
 * internal representation of each type's values (what {@link io.strom.data.Row}'s getters return)
 * is listed on {@link LogicalTypeRoot}.
 */
public sealed interface LogicalType extends java.io.Serializable
    permits BooleanType,
        TinyIntType,
        SmallIntType,
        IntType,
        BigIntType,
        FloatType,
        DoubleType,
        DecimalType,
        CharType,
        VarCharType,
        BinaryType,
        VarBinaryType,
        DateType,
        TimeType,
        TimestampType,
        LocalZonedTimestampType,
        YearMonthIntervalType,
        DayTimeIntervalType,
        ArrayType,
        MapType,
        MultisetType,
        RowType,
        NullType {

  /** True when values of this type may be NULL. */
  boolean nullable();

  /** Returns this type with the given nullability. */
  LogicalType copy(boolean nullable);

  /** The type as Flink prints it, e.g. {@code INT NOT NULL} or {@code DECIMAL(10, 2)}. */
  String asSummaryString();

  /** The family of the type, for switching over types without instanceof chains. */
  LogicalTypeRoot root();

  /** The types this type is built from: elements, keys and values, or fields. */
  default List<LogicalType> children() {
    return List.of();
  }
}
