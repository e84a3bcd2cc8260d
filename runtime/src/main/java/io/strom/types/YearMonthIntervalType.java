package io.strom.types;

import static java.util.Objects.requireNonNull;

/**
 * The SQL type {@code INTERVAL YEAR(p) TO MONTH} and its narrower forms: a span of months.
 *
 * @param nullable whether NULL is allowed
 * @param resolution which fields the interval is declared with
 * @param yearPrecision digits of years, 1 to 4
 */
public record YearMonthIntervalType(boolean nullable, Resolution resolution, int yearPrecision)
    implements LogicalType {
  public static final int MAX_YEAR_PRECISION = 4;
  public static final int DEFAULT_YEAR_PRECISION = 2;

  /** The fields of a year-month interval. */
  public enum Resolution {
    YEAR,
    YEAR_TO_MONTH,
    MONTH
  }

  public YearMonthIntervalType {
    requireNonNull(resolution, "resolution");
    TypeStrings.checkRange(
        "Year precision", "INTERVAL YEAR", yearPrecision, 1, MAX_YEAR_PRECISION);
  }

  public YearMonthIntervalType(Resolution resolution) {
    this(true, resolution, DEFAULT_YEAR_PRECISION);
  }

  @Override
  public YearMonthIntervalType copy(boolean nullable) {
    return new YearMonthIntervalType(nullable, resolution, yearPrecision);
  }

  @Override
  public String asSummaryString() {
    String base =
        switch (resolution) {
          case YEAR -> "INTERVAL YEAR(" + yearPrecision + ")";
          case YEAR_TO_MONTH -> "INTERVAL YEAR(" + yearPrecision + ") TO MONTH";
          case MONTH -> "INTERVAL MONTH";
        };
    return TypeStrings.withNullability(base, nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.INTERVAL_YEAR_MONTH;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
