package io.strom.types;

/**
 * The SQL type {@code TIME(p)}: a time of day without time zone, held as milliseconds of the day.
 *
 * @param nullable whether NULL is allowed
 * @param precision digits of fractional seconds, 0 to 9
 */
public record TimeType(boolean nullable, int precision) implements LogicalType {
  public static final int MAX_PRECISION = 9;
  public static final int DEFAULT_PRECISION = 0;

  public TimeType {
    TypeStrings.checkRange("Precision", "TIME", precision, 0, MAX_PRECISION);
  }

  public TimeType(int precision) {
    this(true, precision);
  }

  @Override
  public TimeType copy(boolean nullable) {
    return new TimeType(nullable, precision);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability("TIME(" + precision + ")", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
