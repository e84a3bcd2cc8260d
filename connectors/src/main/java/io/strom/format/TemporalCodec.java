package io.strom.format;

import io.strom.data.TimestampData;

/**
 * Parses and prints SQL dates, times and timestamps as text without creating objects (other than
 * the resulting {@link TimestampData}), for the text formats' hot paths.
 *
 * <p>Accepted forms: {@code yyyy-MM-dd}; {@code HH:mm:ss} with an optional fraction of 1 to 9
 * digits; a timestamp as date, then {@code ' '} or {@code 'T'}, then time, and for {@code
 * TIMESTAMP_LTZ} an optional {@code 'Z'}. Parsers return {@link #INVALID} (or null) on malformed
 * text so callers can build their own message. Printing writes ASCII chars into a caller's buffer
 * and drops trailing zeros of the fraction, as Flink's formats do.
 */
public final class TemporalCodec {
  /** Returned by the int parsers for malformed text. */
  public static final int INVALID = Integer.MIN_VALUE;

  /** The longest text {@link #formatTimestamp} writes: 10 + 1 + 8 + 10 + 1. */
  public static final int MAX_TIMESTAMP_CHARS = 30;

  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final int[] POW10 = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  private TemporalCodec() {}

  // ---- parsing --------------------------------------------------------------------------------

  /** Days since 1970-01-01 of {@code yyyy-MM-dd}, or {@link #INVALID}. */
  public static int parseDate(byte[] b, int off, int len) {
    if (len != 10) {
      return INVALID;
    }
    return dateAt(b, off);
  }

  private static int dateAt(byte[] b, int off) {
    int year = digits(b, off, 4);
    int month = digits(b, off + 5, 2);
    int day = digits(b, off + 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || b[off + 4] != '-' || b[off + 7] != '-'
        || day > daysInMonth(year, month)) {
      return INVALID;
    }
    return (int) epochDay(year, month, day);
  }

  /** Milliseconds of the day of {@code HH:mm:ss[.fffffffff]} (the fraction truncated to millis), or {@link #INVALID}. */
  public static int parseTime(byte[] b, int off, int len) {
    long nanos = nanoOfDay(b, off, len);
    return nanos < 0 ? INVALID : (int) (nanos / 1_000_000);
  }

  /**
   * A timestamp truncated to {@code precision} fractional digits, or null when malformed.
   *
   * @param allowZulu whether a trailing {@code 'Z'} may follow (for {@code TIMESTAMP_LTZ})
   */
  public static TimestampData parseTimestamp(
      byte[] b, int off, int len, int precision, boolean allowZulu) {
    if (allowZulu && len > 0 && b[off + len - 1] == 'Z') {
      len--;
    }
    if (len < 19 || (b[off + 10] != ' ' && b[off + 10] != 'T')) {
      return null;
    }
    int day = dateAt(b, off);
    long nanoOfDay = nanoOfDay(b, off + 11, len - 11);
    if (day == INVALID || nanoOfDay < 0) {
      return null;
    }
    long truncation = POW10[9 - precision];
    nanoOfDay = nanoOfDay / truncation * truncation;
    long millis = day * MILLIS_PER_DAY + nanoOfDay / 1_000_000;
    return TimestampData.fromEpochMillis(millis, (int) (nanoOfDay % 1_000_000));
  }

  /** Nanoseconds of the day of {@code HH:mm:ss[.fffffffff]}, or -1. */
  private static long nanoOfDay(byte[] b, int off, int len) {
    if (len < 8 || b[off + 2] != ':' || b[off + 5] != ':') {
      return -1;
    }
    int hour = digits(b, off, 2);
    int minute = digits(b, off + 3, 2);
    int second = digits(b, off + 6, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return -1;
    }
    int fraction = 0;
    if (len > 8) {
      int fractionDigits = len - 9;
      if (b[off + 8] != '.' || fractionDigits < 1 || fractionDigits > 9) {
        return -1;
      }
      fraction = digits(b, off + 9, fractionDigits);
      if (fraction < 0) {
        return -1;
      }
      fraction *= POW10[9 - fractionDigits];
    }
    return ((hour * 60L + minute) * 60 + second) * 1_000_000_000L + fraction;
  }

  /** The non-negative number written by {@code count} ASCII digits, or -1. */
  private static int digits(byte[] b, int off, int count) {
    int value = 0;
    for (int i = off; i < off + count; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
  static long epochDay(long year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }

  private static int daysInMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  // ---- printing -------------------------------------------------------------------------------

  /** Writes {@code yyyy-MM-dd} at {@code pos}; returns the position after it. */
  public static int formatDate(int epochDay, char[] out, int pos) {
    // Hinnant's civil_from_days.
    long z = epochDay + 719_468L;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    pos = pad(year, 4, out, pos);
    out[pos++] = '-';
    pos = pad(month, 2, out, pos);
    out[pos++] = '-';
    return pad(day, 2, out, pos);
  }

  /** Writes {@code HH:mm:ss[.fff]} of milliseconds of the day; returns the position after it. */
  public static int formatTime(int millisOfDay, char[] out, int pos) {
    return formatNanoOfDay(millisOfDay * 1_000_000L, out, pos);
  }

  /**
   * Writes a timestamp as {@code yyyy-MM-dd<separator>HH:mm:ss[.fffffffff]}, then {@code Z} when
   * {@code zulu}; returns the position after it.
   */
  public static int formatTimestamp(TimestampData ts, char separator, boolean zulu, char[] out, int pos) {
    long day = Math.floorDiv(ts.millisecond(), MILLIS_PER_DAY);
    long millisOfDay = Math.floorMod(ts.millisecond(), MILLIS_PER_DAY);
    pos = formatDate((int) day, out, pos);
    out[pos++] = separator;
    pos = formatNanoOfDay(millisOfDay * 1_000_000L + ts.nanoOfMillisecond(), out, pos);
    if (zulu) {
      out[pos++] = 'Z';
    }
    return pos;
  }

  private static int formatNanoOfDay(long nanoOfDay, char[] out, int pos) {
    long seconds = nanoOfDay / 1_000_000_000L;
    int fraction = (int) (nanoOfDay % 1_000_000_000L);
    pos = pad(seconds / 3600, 2, out, pos);
    out[pos++] = ':';
    pos = pad(seconds / 60 % 60, 2, out, pos);
    out[pos++] = ':';
    pos = pad(seconds % 60, 2, out, pos);
    if (fraction != 0) {
      int digits = 9;
      while (fraction % 10 == 0) {
        fraction /= 10;
        digits--;
      }
      out[pos++] = '.';
      pos = pad(fraction, digits, out, pos);
    }
    return pos;
  }

  /** Writes {@code value} with at least {@code width} digits, zero-padded; negative with a sign. */
  private static int pad(long value, int width, char[] out, int pos) {
    if (value < 0) {
      out[pos++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long rest = value; rest >= 10; rest /= 10) {
      digits++;
    }
    int length = Math.max(width, digits);
    for (int i = length - 1; i >= 0; i--) {
      out[pos + i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return pos + length;
  }
}
