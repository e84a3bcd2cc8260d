package io.strom.types;

import static java.util.Objects.requireNonNull;

/**
 * The SQL type {@code TIMESTAMP(p)}: a date and time without time zone.
 *
 * @param nullable whether NULL is allowed
 * @param precision digits of fractional seconds, 0 to 9
 * @param kind whether the column is a time attribute
 */
public record TimestampType(boolean nullable, int precision, TimestampKind kind)
    implements LogicalType {
  public static final int MAX_PRECISION = 9;
  public static final int DEFAULT_PRECISION = 6;
  /** Largest precision whose values are held as epoch milliseconds alone in binary rows. */
  public static final int MAX_COMPACT_PRECISION = 3;

  public TimestampType {
    TypeStrings.checkRange("Precision", "TIMESTAMP", precision, 0, MAX_PRECISION);
    requireNonNull(kind, "kind");
  }

  public TimestampType(int precision) {
    this(true, precision, TimestampKind.REGULAR);
  }

  /** True when values are held as epoch milliseconds alone in binary rows. */
  public boolean isCompact() {
    return precision <= MAX_COMPACT_PRECISION;
  }

  /** Returns this type marked as the given kind of time attribute. */
  public TimestampType withKind(TimestampKind newKind) {
    return new TimestampType(nullable, precision, newKind);
  }

  @Override
  public TimestampType copy(boolean nullable) {
    return new TimestampType(nullable, precision, kind);
  }

  @Override
  public String asSummaryString() {
    return kind.decorate(TypeStrings.withNullability("TIMESTAMP(" + precision + ")", nullable));
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
