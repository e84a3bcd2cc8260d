package io.strom.types;

import static java.util.Objects.requireNonNull;

/**
 * The SQL type {@code INTERVAL DAY(p1) TO SECOND(p2)} and its narrower forms: a span of time held
 * as milliseconds.
 *
 * @param nullable whether NULL is allowed
 * @param resolution which fields the interval is declared with
 * @param dayPrecision digits of the leading field (days, or seconds for {@code SECOND}), 1 to 6
 * @param fractionalPrecision digits of fractional seconds, 0 to 9
 */
public record DayTimeIntervalType(
    boolean nullable, Resolution resolution, int dayPrecision, int fractionalPrecision)
    implements LogicalType {
  public static final int MAX_DAY_PRECISION = 6;
  public static final int DEFAULT_DAY_PRECISION = 2;
  public static final int MAX_FRACTIONAL_PRECISION = 9;
  public static final int DEFAULT_FRACTIONAL_PRECISION = 6;

  /** The fields of a day-time interval and how Flink prints each ({@code %1} and {@code %2}). */
  public enum Resolution {
    DAY("INTERVAL DAY(%1)"),
    DAY_TO_HOUR("INTERVAL DAY(%1) TO HOUR"),
    DAY_TO_MINUTE("INTERVAL DAY(%1) TO MINUTE"),
    DAY_TO_SECOND("INTERVAL DAY(%1) TO SECOND(%2)"),
    HOUR("INTERVAL HOUR"),
    HOUR_TO_MINUTE("INTERVAL HOUR TO MINUTE"),
    HOUR_TO_SECOND("INTERVAL HOUR TO SECOND(%2)"),
    MINUTE("INTERVAL MINUTE"),
    MINUTE_TO_SECOND("INTERVAL MINUTE TO SECOND(%2)"),
    SECOND("INTERVAL SECOND(%1, %2)");

    private final String template;

    Resolution(String template) {
      this.template = template;
    }
  }

  public DayTimeIntervalType {
    requireNonNull(resolution, "resolution");
    TypeStrings.checkRange("Day precision", "INTERVAL DAY", dayPrecision, 1, MAX_DAY_PRECISION);
    TypeStrings.checkRange(
        "Fractional precision", "INTERVAL SECOND", fractionalPrecision, 0,
        MAX_FRACTIONAL_PRECISION);
  }

  public DayTimeIntervalType(Resolution resolution, int fractionalPrecision) {
    this(true, resolution, DEFAULT_DAY_PRECISION, fractionalPrecision);
  }

  @Override
  public DayTimeIntervalType copy(boolean nullable) {
    return new DayTimeIntervalType(nullable, resolution, dayPrecision, fractionalPrecision);
  }

  @Override
  public String asSummaryString() {
    String base =
        resolution
            .template
            .replace("%1", Integer.toString(dayPrecision))
            .replace("%2", Integer.toString(fractionalPrecision));
    return TypeStrings.withNullability(base, nullable);
  }

  @Override
  public LogicalTypeRoot root() {
    return LogicalTypeRoot.INTERVAL_DAY_TIME;
  }

  @Override
  public String toString() {
    return asSummaryString();
  }
}
