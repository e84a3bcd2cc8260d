package io.strom.runtime.functions;

import io.strom.data.StringData;
import io.strom.data.TimestampData;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flink's date and time functions on non-null internal values: DATE as days, TIME as millis of the
 * day, TIMESTAMP as wall-clock {@link TimestampData}, TIMESTAMP_LTZ as an instant read in the
 * session time zone.
 */
public final class TemporalFunctions {
  private static final long MILLIS_PER_DAY = DateTimeUtils.MILLIS_PER_DAY;
  private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();
  private static final String DEFAULT_FORMAT = "yyyy-MM-dd HH:mm:ss";

  private TemporalFunctions() {}

  private static DateTimeFormatter formatter(String pattern) {
    DateTimeFormatter cached = FORMATTERS.get(pattern);
    if (cached == null) {
      try {
        cached = DateTimeFormatter.ofPattern(pattern);
      } catch (IllegalArgumentException e) {
        throw new EvaluationException("Invalid date-time format '" + pattern + "': " + e.getMessage());
      }
      if (FORMATTERS.size() < 1000) {
        FORMATTERS.put(pattern, cached);
      }
    }
    return cached;
  }

  // ---- EXTRACT ---------------------------------------------------------------------------------

  public static long extractFromDate(TimeUnit unit, int days) {
    return extract(unit, TimestampData.fromEpochMillis(days * MILLIS_PER_DAY));
  }

  public static long extractFromTime(TimeUnit unit, int millisOfDay) {
    return extract(unit, TimestampData.fromEpochMillis(millisOfDay));
  }

  public static long extract(TimeUnit unit, TimestampData ts) {
    LocalDateTime t = ts.toLocalDateTime();
    switch (unit) {
      case MILLENNIUM: return (t.getYear() + 999) / 1000;
      case CENTURY: return (t.getYear() + 99) / 100;
      case DECADE: return t.getYear() / 10;
      case YEAR: return t.getYear();
      case ISOYEAR: return t.get(IsoFields.WEEK_BASED_YEAR);
      case QUARTER: return (t.getMonthValue() + 2) / 3;
      case MONTH: return t.getMonthValue();
      case WEEK: return t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      case DAY: return t.getDayOfMonth();
      case DOW: return t.getDayOfWeek().getValue() % 7 + 1;
      case ISODOW: return t.getDayOfWeek().getValue();
      case DOY: return t.getDayOfYear();
      case HOUR: return t.getHour();
      case MINUTE: return t.getMinute();
      case SECOND: return t.getSecond();
      case MILLISECOND: return t.getSecond() * 1000L + t.getNano() / 1_000_000;
      case MICROSECOND: return t.getSecond() * 1_000_000L + t.getNano() / 1000;
      case NANOSECOND: return t.getSecond() * 1_000_000_000L + t.getNano();
      case EPOCH: return Math.floorDiv(ts.millisecond(), 1000);
      default: throw new EvaluationException("EXTRACT does not support " + unit);
    }
  }

  /** EXTRACT from an INTERVAL DAY TO SECOND of {@code millis}. */
  public static long extractFromDayTimeInterval(TimeUnit unit, long millis) {
    switch (unit) {
      case DAY: return millis / MILLIS_PER_DAY;
      case HOUR: return millis % MILLIS_PER_DAY / 3_600_000;
      case MINUTE: return millis % 3_600_000 / 60_000;
      case SECOND: return millis % 60_000 / 1000;
      case MILLISECOND: return millis % 60_000;
      case EPOCH: return millis / 1000;
      default: throw new EvaluationException("EXTRACT " + unit + " from a day-time interval");
    }
  }

  /** EXTRACT from an INTERVAL YEAR TO MONTH of {@code months}. */
  public static long extractFromYearMonthInterval(TimeUnit unit, int months) {
    switch (unit) {
      case YEAR: return months / 12;
      case MONTH: return months % 12;
      case QUARTER: return months % 12 / 3 + 1;
      default: throw new EvaluationException("EXTRACT " + unit + " from a year-month interval");
    }
  }

  // ---- FLOOR / CEIL TO -------------------------------------------------------------------------

  public static TimestampData floor(TimestampData ts, TimeUnit unit) {
    return TimestampData.fromLocalDateTime(floor(ts.toLocalDateTime(), unit));
  }

  public static TimestampData ceil(TimestampData ts, TimeUnit unit) {
    LocalDateTime t = ts.toLocalDateTime();
    LocalDateTime floor = floor(t, unit);
    return TimestampData.fromLocalDateTime(floor.equals(t) ? t : plus(floor, unit, 1));
  }

  public static int floorDate(int days, TimeUnit unit) {
    return (int) Math.floorDiv(floor(TimestampData.fromEpochMillis(days * MILLIS_PER_DAY), unit)
        .millisecond(), MILLIS_PER_DAY);
  }

  public static int ceilDate(int days, TimeUnit unit) {
    return (int) Math.floorDiv(ceil(TimestampData.fromEpochMillis(days * MILLIS_PER_DAY), unit)
        .millisecond(), MILLIS_PER_DAY);
  }

  private static LocalDateTime floor(LocalDateTime t, TimeUnit unit) {
    LocalDate date = t.toLocalDate();
    switch (unit) {
      case MILLENNIUM: return LocalDate.of(t.getYear() - Math.floorMod(t.getYear() - 1, 1000), 1, 1).atStartOfDay();
      case CENTURY: return LocalDate.of(t.getYear() - Math.floorMod(t.getYear() - 1, 100), 1, 1).atStartOfDay();
      case DECADE: return LocalDate.of(t.getYear() - Math.floorMod(t.getYear(), 10), 1, 1).atStartOfDay();
      case YEAR: return date.withDayOfYear(1).atStartOfDay();
      case QUARTER:
        return LocalDate.of(t.getYear(), (t.getMonthValue() - 1) / 3 * 3 + 1, 1).atStartOfDay();
      case MONTH: return date.withDayOfMonth(1).atStartOfDay();
      case WEEK: return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).atStartOfDay();
      case DAY: return date.atStartOfDay();
      case HOUR: return t.truncatedTo(ChronoUnit.HOURS);
      case MINUTE: return t.truncatedTo(ChronoUnit.MINUTES);
      case SECOND: return t.truncatedTo(ChronoUnit.SECONDS);
      case MILLISECOND: return t.truncatedTo(ChronoUnit.MILLIS);
      case MICROSECOND: return t.truncatedTo(ChronoUnit.MICROS);
      default: throw new EvaluationException("FLOOR/CEIL does not support " + unit);
    }
  }

  private static LocalDateTime plus(LocalDateTime t, TimeUnit unit, long amount) {
    switch (unit) {
      case MILLENNIUM: return t.plusYears(1000 * amount);
      case CENTURY: return t.plusYears(100 * amount);
      case DECADE: return t.plusYears(10 * amount);
      case YEAR: return t.plusYears(amount);
      case QUARTER: return t.plusMonths(3 * amount);
      case MONTH: return t.plusMonths(amount);
      case WEEK: return t.plusWeeks(amount);
      case DAY: return t.plusDays(amount);
      case HOUR: return t.plusHours(amount);
      case MINUTE: return t.plusMinutes(amount);
      case SECOND: return t.plusSeconds(amount);
      case MILLISECOND: return t.plus(amount, ChronoUnit.MILLIS);
      case MICROSECOND: return t.plus(amount, ChronoUnit.MICROS);
      case NANOSECOND: return t.plusNanos(amount);
      default: throw new EvaluationException("TIMESTAMPADD does not support " + unit);
    }
  }

  // ---- arithmetic ------------------------------------------------------------------------------

  /** TIMESTAMPADD on a timestamp. */
  public static TimestampData timestampAdd(TimeUnit unit, long amount, TimestampData ts) {
    return TimestampData.fromLocalDateTime(plus(ts.toLocalDateTime(), unit, amount));
  }

  /** TIMESTAMPADD of days or larger units on a date. */
  public static int dateAdd(TimeUnit unit, long amount, int days) {
    LocalDateTime midnight = LocalDate.ofEpochDay(days).atStartOfDay();
    return (int) plus(midnight, unit, amount).toLocalDate().toEpochDay();
  }

  /** A timestamp plus a number of months, clamping the day to the month's last. */
  public static TimestampData addMonths(TimestampData ts, long months) {
    return TimestampData.fromLocalDateTime(ts.toLocalDateTime().plusMonths(months));
  }

  /** A date plus a number of months, clamping the day to the month's last. */
  public static int addMonths(int days, long months) {
    return (int) LocalDate.ofEpochDay(days).plusMonths(months).toEpochDay();
  }

  /** A timestamp plus milliseconds. */
  public static TimestampData addMillis(TimestampData ts, long millis) {
    return TimestampData.fromEpochMillis(ts.millisecond() + millis, ts.nanoOfMillisecond());
  }

  /** A TIME value (milliseconds of the day) cut to {@code precision} fractional digits. */
  public static int truncateTime(int millisOfDay, int precision) {
    if (precision >= 3) {
      return millisOfDay;
    }
    int unit = precision == 2 ? 10 : precision == 1 ? 100 : 1000;
    return millisOfDay - millisOfDay % unit;
  }

  /** TIMESTAMPDIFF: whole units from {@code from} to {@code to}, truncated toward zero. */
  public static int timestampDiff(TimeUnit unit, TimestampData from, TimestampData to) {
    LocalDateTime a = from.toLocalDateTime();
    LocalDateTime b = to.toLocalDateTime();
    switch (unit) {
      case YEAR: return (int) ChronoUnit.YEARS.between(a, b);
      case QUARTER: return (int) (ChronoUnit.MONTHS.between(a, b) / 3);
      case MONTH: return (int) ChronoUnit.MONTHS.between(a, b);
      case WEEK: return (int) ChronoUnit.WEEKS.between(a, b);
      case DAY: return (int) ChronoUnit.DAYS.between(a, b);
      case HOUR: return (int) ChronoUnit.HOURS.between(a, b);
      case MINUTE: return (int) ChronoUnit.MINUTES.between(a, b);
      case SECOND: return (int) ChronoUnit.SECONDS.between(a, b);
      case MILLISECOND: return (int) ChronoUnit.MILLIS.between(a, b);
      case MICROSECOND: return (int) ChronoUnit.MICROS.between(a, b);
      default: throw new EvaluationException("TIMESTAMPDIFF does not support " + unit);
    }
  }

  public static TimestampData dateToTimestamp(int days) {
    return TimestampData.fromEpochMillis(days * MILLIS_PER_DAY);
  }

  public static int timestampToDate(TimestampData ts) {
    return (int) Math.floorDiv(ts.millisecond(), MILLIS_PER_DAY);
  }

  public static int timestampToTime(TimestampData ts) {
    return (int) Math.floorMod(ts.millisecond(), MILLIS_PER_DAY);
  }

  // ---- formatting and parsing ------------------------------------------------------------------

  /** DATE_FORMAT: the timestamp in a {@link DateTimeFormatter} pattern such as {@code yyyy-MM-dd}. */
  public static StringData dateFormat(TimestampData ts, StringData format) {
    try {
      return StringData.fromString(formatter(format.toString()).format(ts.toLocalDateTime()));
    } catch (DateTimeException e) {
      throw new EvaluationException(
          "DATE_FORMAT cannot format with '" + format + "': " + e.getMessage(), e);
    }
  }

  /** DATE_FORMAT on a string: parsed as a timestamp first; null when it is not one. */
  public static StringData dateFormat(StringData ts, StringData format) {
    TimestampData parsed = DateTimeUtils.parseTimestamp(ts.toString());
    return parsed == null ? null : dateFormat(parsed, format);
  }

  /** TO_TIMESTAMP with the default format; null when the string is not a timestamp. */
  public static TimestampData toTimestamp(StringData text) {
    TimestampData ts = DateTimeUtils.parseTimestamp(text.toString());
    return ts == null ? null : DateTimeUtils.truncate(ts, 3);
  }

  /** TO_TIMESTAMP with a {@link DateTimeFormatter} pattern; null when the string does not fit. */
  public static TimestampData toTimestamp(StringData text, StringData format) {
    LocalDateTime parsed = parseLocal(text.toString(), format.toString());
    return parsed == null ? null : DateTimeUtils.truncate(TimestampData.fromLocalDateTime(parsed), 3);
  }

  private static LocalDateTime parseLocal(String text, String pattern) {
    try {
      java.time.temporal.TemporalAccessor parsed = formatter(pattern).parse(text);
      LocalDate date = LocalDate.from(parsed);
      java.time.LocalTime time =
          parsed.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)
              ? java.time.LocalTime.from(parsed)
              : java.time.LocalTime.MIDNIGHT;
      return LocalDateTime.of(date, time);
    } catch (DateTimeParseException e) {
      return null;
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** TO_DATE with the default format {@code yyyy-MM-dd}; null when the string is not a date. */
  public static Integer toDate(StringData text) {
    return DateTimeUtils.parseDate(text.toString());
  }

  /** TO_DATE with a pattern; null when the string does not fit. */
  public static Integer toDate(StringData text, StringData format) {
    LocalDateTime parsed = parseLocal(text.toString(), format.toString());
    return parsed == null ? null : (int) parsed.toLocalDate().toEpochDay();
  }

  /** TO_TIMESTAMP_LTZ: epoch seconds (precision 0) or milliseconds (precision 3) as an instant. */
  public static TimestampData toTimestampLtz(long value, long precision) {
    if (precision == 0) {
      return TimestampData.fromEpochMillis(value * 1000);
    }
    if (precision == 3) {
      return TimestampData.fromEpochMillis(value);
    }
    throw new EvaluationException(
        "TO_TIMESTAMP_LTZ supports precision 0 (seconds) or 3 (milliseconds), got " + precision);
  }

  /** TO_TIMESTAMP_LTZ of a fractional number of seconds or milliseconds. */
  public static TimestampData toTimestampLtz(double value, long precision) {
    double millis = precision == 0 ? value * 1000 : value;
    if (precision != 0 && precision != 3) {
      return toTimestampLtz(0L, precision);
    }
    long whole = (long) Math.floor(millis);
    int nanos = (int) Math.round((millis - whole) * 1_000_000);
    return TimestampData.fromEpochMillis(whole, Math.min(nanos, 999_999));
  }

  /** UNIX_TIMESTAMP(string[, format]) in the session zone; Long.MIN_VALUE when it does not parse. */
  public static long unixTimestamp(StringData text, StringData format, ZoneId zone) {
    LocalDateTime parsed =
        format == null
            ? parseDefault(text.toString())
            : parseLocal(text.toString(), format.toString());
    if (parsed == null) {
      return Long.MIN_VALUE;
    }
    return parsed.atZone(zone).toEpochSecond();
  }

  private static LocalDateTime parseDefault(String text) {
    TimestampData ts = DateTimeUtils.parseTimestamp(text);
    return ts == null ? null : ts.toLocalDateTime();
  }

  /** FROM_UNIXTIME: epoch seconds formatted in the session zone. */
  public static StringData fromUnixtime(long seconds, StringData format, ZoneId zone) {
    String pattern = format == null ? DEFAULT_FORMAT : format.toString();
    LocalDateTime local = LocalDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds), zone);
    return StringData.fromString(formatter(pattern).format(local));
  }

  /** The current instant. */
  public static TimestampData now() {
    return TimestampData.fromEpochMillis(System.currentTimeMillis());
  }

  /** The current wall-clock time in {@code zone}. */
  public static TimestampData localNow(ZoneId zone) {
    return DateTimeUtils.toLocal(now(), zone);
  }

  /** The current date in {@code zone}. */
  public static int currentDate(ZoneId zone) {
    return timestampToDate(localNow(zone));
  }

  /** The current time of day in {@code zone}, in whole seconds. */
  public static int currentTime(ZoneId zone) {
    int millis = timestampToTime(localNow(zone));
    return millis - millis % 1000;
  }

  /** Seconds since the epoch now. */
  public static long unixTimestamp() {
    return System.currentTimeMillis() / 1000;
  }
}
