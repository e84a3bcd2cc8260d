package io.strom.runtime.functions;

import io.strom.data.TimestampData;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Parsing and printing of SQL dates, times and timestamps in Flink's text forms: {@code
 * yyyy-MM-dd}, {@code HH:mm:ss[.f...]} and {@code yyyy-MM-dd HH:mm:ss[.f...]} (a {@code T} may
 * separate date and time). Conversions between wall-clock timestamps and instants in a zone.
 */
public final class DateTimeUtils {
  public static final long MILLIS_PER_DAY = 86_400_000L;
  private static final int NANOS_PER_MILLI = 1_000_000;

  private DateTimeUtils() {}

  /** Days since the epoch of {@code yyyy-MM-dd} (a time part is ignored), or null when invalid. */
  public static Integer parseDate(String text) {
    String s = text.trim();
    int space = indexOfTimeSeparator(s);
    if (space >= 0) {
      s = s.substring(0, space);
    }
    int[] ymd = splitNumbers(s, '-', 3);
    if (ymd == null || ymd[0] < 0) {
      return null;
    }
    try {
      return (int) LocalDate.of(ymd[0], ymd[1], ymd[2]).toEpochDay();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** Milliseconds of the day of {@code HH:mm[:ss[.fff]]}, or null when invalid. */
  public static Integer parseTime(String text) {
    long[] nanos = parseTimeNanos(text.trim());
    return nanos == null ? null : (int) (nanos[0] / NANOS_PER_MILLI);
  }

  /** The timestamp in {@code text} (date, optionally followed by a time), or null when invalid. */
  public static TimestampData parseTimestamp(String text) {
    String s = text.trim();
    int sep = indexOfTimeSeparator(s);
    Integer days = parseDate(sep >= 0 ? s.substring(0, sep) : s);
    if (days == null) {
      return null;
    }
    long nanoOfDay = 0;
    if (sep >= 0) {
      long[] time = parseTimeNanos(s.substring(sep + 1).trim());
      if (time == null) {
        return null;
      }
      nanoOfDay = time[0];
    }
    long millis = days * MILLIS_PER_DAY + nanoOfDay / NANOS_PER_MILLI;
    return TimestampData.fromEpochMillis(millis, (int) (nanoOfDay % NANOS_PER_MILLI));
  }

  private static int indexOfTimeSeparator(String s) {
    int t = s.indexOf('T');
    int space = s.indexOf(' ');
    if (t < 0) {
      return space;
    }
    return space < 0 ? t : Math.min(t, space);
  }

  /** Nano of day of {@code HH:mm[:ss[.fffffffff]]} in element 0, or null when invalid. */
  private static long[] parseTimeNanos(String s) {
    String whole = s;
    long fractionNanos = 0;
    int dot = s.indexOf('.');
    if (dot >= 0) {
      String fraction = s.substring(dot + 1);
      whole = s.substring(0, dot);
      if (fraction.isEmpty() || fraction.length() > 9 || !isDigits(fraction)) {
        return null;
      }
      fractionNanos = Long.parseLong((fraction + "000000000").substring(0, 9));
    }
    int colons = whole.length() - whole.replace(":", "").length();
    int[] hms = splitNumbers(whole, ':', colons + 1);
    if (hms == null || colons < 1 || colons > 2) {
      return null;
    }
    int second = colons == 2 ? hms[2] : 0;
    if (hms[0] > 23 || hms[1] > 59 || second > 59 || (dot >= 0 && colons < 2)) {
      return null;
    }
    return new long[] {((hms[0] * 60L + hms[1]) * 60 + second) * 1_000_000_000L + fractionNanos};
  }

  private static int[] splitNumbers(String s, char separator, int count) {
    String[] parts = s.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
    if (parts.length != count) {
      return null;
    }
    int[] numbers = new int[count];
    for (int i = 0; i < count; i++) {
      if (parts[i].isEmpty() || parts[i].length() > 9 || !isDigits(parts[i])) {
        return null;
      }
      numbers[i] = Integer.parseInt(parts[i]);
    }
    return numbers;
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code yyyy-MM-dd}. */
  public static String formatDate(int epochDays) {
    return LocalDate.ofEpochDay(epochDays).toString();
  }

  /** {@code HH:mm:ss} followed by {@code precision} fraction digits when precision is above 0. */
  public static String formatTime(int millisOfDay, int precision) {
    long nanoOfDay = millisOfDay * (long) NANOS_PER_MILLI;
    return formatTimeOfDay(nanoOfDay, precision);
  }

  private static String formatTimeOfDay(long nanoOfDay, int precision) {
    long seconds = nanoOfDay / 1_000_000_000L;
    StringBuilder sb = new StringBuilder(18);
    appendTwo(sb, (int) (seconds / 3600)).append(':');
    appendTwo(sb, (int) (seconds / 60 % 60)).append(':');
    appendTwo(sb, (int) (seconds % 60));
    if (precision > 0) {
      String nanos = Long.toString(1_000_000_000L + nanoOfDay % 1_000_000_000L).substring(1);
      sb.append('.').append(nanos, 0, Math.min(precision, 9));
    }
    return sb.toString();
  }

  private static StringBuilder appendTwo(StringBuilder sb, int value) {
    if (value < 10) {
      sb.append('0');
    }
    return sb.append(value);
  }

  /** {@code yyyy-MM-dd HH:mm:ss} followed by {@code precision} fraction digits. */
  public static String formatTimestamp(TimestampData ts, int precision) {
    long day = Math.floorDiv(ts.millisecond(), MILLIS_PER_DAY);
    long millisOfDay = Math.floorMod(ts.millisecond(), MILLIS_PER_DAY);
    long nanoOfDay = millisOfDay * NANOS_PER_MILLI + ts.nanoOfMillisecond();
    return formatDate((int) day) + " " + formatTimeOfDay(nanoOfDay, precision);
  }

  /** The instant in {@code zone}, formatted as a wall-clock timestamp. */
  public static String formatTimestampLtz(TimestampData instant, ZoneId zone, int precision) {
    return formatTimestamp(toLocal(instant, zone), precision);
  }

  /** The wall-clock time of {@code instant} in {@code zone}. */
  public static TimestampData toLocal(TimestampData instant, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(instant.toInstant(), zone);
    return TimestampData.fromLocalDateTime(local);
  }

  /** The instant at which the wall clock in {@code zone} shows {@code local}. */
  public static TimestampData toInstant(TimestampData local, ZoneId zone) {
    return TimestampData.fromInstant(local.toLocalDateTime().atZone(zone).toInstant());
  }

  /** Truncates a timestamp's fraction to {@code precision} digits. */
  public static TimestampData truncate(TimestampData ts, int precision) {
    if (precision >= 9) {
      return ts;
    }
    if (precision >= 3) {
      int unit = (int) Math.pow(10, 9 - precision);
      int nanos = ts.nanoOfMillisecond() / unit * unit;
      return nanos == ts.nanoOfMillisecond() ? ts : TimestampData.fromEpochMillis(ts.millisecond(), nanos);
    }
    long unit = (long) Math.pow(10, 3 - precision);
    long millis = Math.floorDiv(ts.millisecond(), unit) * unit;
    return TimestampData.fromEpochMillis(millis);
  }
}
