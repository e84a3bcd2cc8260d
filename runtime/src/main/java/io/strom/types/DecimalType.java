package io.strom.types;

/**
 * The SQL type {@code DECIMAL(p, s)}: an exact number of {@code p} digits, {@code s} of them after
 * the point.
 *
 * @param nullable whether NULL is allowed
 * @param precision total digits, 1 to 38
 * @param scale digits after the point, 0 to {@code precision}
 */
public record DecimalType(boolean nullable, int precision, int scale) implements LogicalType {
  public static final int MIN_PRECISION = 1;
  public static final int MAX_PRECISION = 38;
  /** Precision used when none is given, as in Flink. */
  public static final int DEFAULT_PRECISION = 10;
  /** Largest precision whose unscaled values fit in a {@code long}. */
  public static final int MAX_COMPACT_PRECISION = 18;

  public DecimalType {
    TypeStrings.checkRange("Precision", "DECIMAL", precision, MIN_PRECISION, MAX_PRECISION);
    TypeStrings.checkRange("Scale", "DECIMAL(" + precision + ")", scale, 0, precision);
  }

  public DecimalType(int precision, int scale) {
    this(true, precision, scale);
  }

  /** True when values are held as a {@code long} unscaled value. */
  public boolean isCompact() {
    return precision <= MAX_COMPACT_PRECISION;
  }

  @Override
  public DecimalType copy(boolean nullable) {
    return new DecimalType(nullable, precision, scale);
  }

  @Override
  public String asSummaryString() {
    return TypeStrings.withNullability("DECIMAL(" + precision + ", " + scale + ")", nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.DECIMAL;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
