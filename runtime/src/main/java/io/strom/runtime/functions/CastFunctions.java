package io.strom.runtime.functions;

import io.strom.data.DecimalData;
import io.strom.data.StringData;
import io.strom.data.TimestampData;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;

/**
 * CAST between SQL types with Flink's rules. Conversions that can fail on a value throw an {@link
 * EvaluationException} naming the value and target type; generated code for TRY_CAST catches it
 * and yields NULL. Conversions to DECIMAL return null when the value overflows the precision.
 */
public final class CastFunctions {
  private CastFunctions() {}

  // ---- string to numbers -----------------------------------------------------------------------

  /**
   * Parses an integer as Flink does: surrounding whitespace is ignored, and a fraction after a point
   * is dropped ({@code '1.9'} is 1); anything else, or a value outside {@code [min, max]}, fails.
   */
  public static long parseIntegral(StringData value, long min, long max, String type) {
    String s = value.toString().trim();
    int dot = s.indexOf('.');
    String whole = dot >= 0 ? s.substring(0, dot) : s;
    if (dot >= 0 && !digitsOnly(s.substring(dot + 1))) {
      throw EvaluationException.cannotCast(value, type);
    }
    int start = whole.startsWith("-") || whole.startsWith("+") ? 1 : 0;
    if (whole.length() == start || !digitsOnly(whole.substring(start))) {
      throw EvaluationException.cannotCast(value, type);
    }
    try {
      long parsed = Long.parseLong(whole);
      if (parsed < min || parsed > max) {
        throw EvaluationException.cannotCast(value, type);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw EvaluationException.cannotCast(value, type);
    }
  }

  private static boolean digitsOnly(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  public static byte toTinyInt(StringData value) {
    return (byte) parseIntegral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
  }

  public static short toSmallInt(StringData value) {
    return (short) parseIntegral(value, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
  }

  public static int toInt(StringData value) {
    return (int) parseIntegral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "INT");
  }

  public static long toBigInt(StringData value) {
    return parseIntegral(value, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
  }

  public static double toDouble(StringData value) {
    String s = value.toString().trim();
    if (s.isEmpty() || Character.isLetter(s.charAt(s.length() - 1)) && !s.endsWith("Infinity")
        && !s.equals("NaN")) {
      throw EvaluationException.cannotCast(value, "DOUBLE");
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw EvaluationException.cannotCast(value, "DOUBLE");
    }
  }

  public static float toFloat(StringData value) {
    try {
      return (float) toDouble(value);
    } catch (EvaluationException e) {
      throw EvaluationException.cannotCast(value, "FLOAT");
    }
  }

  /** The decimal in {@code value}; null when it does not fit {@code DECIMAL(precision, scale)}. */
  public static DecimalData toDecimal(StringData value, int precision, int scale) {
    try {
      return DecimalData.fromBigDecimal(new BigDecimal(value.toString().trim()), precision, scale);
    } catch (NumberFormatException e) {
      throw EvaluationException.cannotCast(
          value, "DECIMAL(" + precision + ", " + scale + ")");
    }
  }

  /** TRUE for 'true', 't', 'yes', 'y', '1'; FALSE for 'false', 'f', 'no', 'n', '0' (any case). */
  public static boolean toBoolean(StringData value) {
    String s = value.toString().trim().toLowerCase(Locale.ROOT);
    switch (s) {
      case "true", "t", "yes", "y", "1":
        return true;
      case "false", "f", "no", "n", "0":
        return false;
      default:
        throw EvaluationException.cannotCast(value, "BOOLEAN");
    }
  }

  // ---- string to temporal ----------------------------------------------------------------------

  public static int toDate(StringData value) {
    Integer days = DateTimeUtils.parseDate(value.toString());
    if (days == null) {
      throw EvaluationException.cannotCast(value, "DATE");
    }
    return days;
  }

  public static int toTime(StringData value) {
    Integer millis = DateTimeUtils.parseTime(value.toString());
    if (millis == null) {
      throw EvaluationException.cannotCast(value, "TIME");
    }
    return millis;
  }

  public static TimestampData toTimestamp(StringData value, int precision) {
    TimestampData ts = DateTimeUtils.parseTimestamp(value.toString());
    if (ts == null) {
      throw EvaluationException.cannotCast(value, "TIMESTAMP(" + precision + ")");
    }
    return DateTimeUtils.truncate(ts, precision);
  }

  /** A wall-clock timestamp string read in the session time zone as an instant. */
  public static TimestampData toTimestampLtz(StringData value, int precision, ZoneId zone) {
    TimestampData ts = DateTimeUtils.parseTimestamp(value.toString());
    if (ts == null) {
      throw EvaluationException.cannotCast(value, "TIMESTAMP_LTZ(" + precision + ")");
    }
    return DateTimeUtils.toInstant(DateTimeUtils.truncate(ts, precision), zone);
  }

  // ---- to string -------------------------------------------------------------------------------

  public static StringData fromBoolean(boolean value) {
    return StringData.fromString(value ? "TRUE" : "FALSE");
  }

  public static StringData fromLong(long value) {
    return StringData.fromString(Long.toString(value));
  }

  public static StringData fromDouble(double value) {
    return StringData.fromString(Double.toString(value));
  }

  public static StringData fromFloat(float value) {
    return StringData.fromString(Float.toString(value));
  }

  public static StringData fromDecimal(DecimalData value) {
    return StringData.fromString(value.toString());
  }

  public static StringData fromDate(int days) {
    return StringData.fromString(DateTimeUtils.formatDate(days));
  }

  public static StringData fromTime(int millis, int precision) {
    return StringData.fromString(DateTimeUtils.formatTime(millis, precision));
  }

  public static StringData fromTimestamp(TimestampData value, int precision) {
    return StringData.fromString(DateTimeUtils.formatTimestamp(value, precision));
  }

  public static StringData fromTimestampLtz(TimestampData value, int precision, ZoneId zone) {
    return StringData.fromString(DateTimeUtils.formatTimestampLtz(value, zone, precision));
  }

  public static StringData fromBinary(byte[] value) {
    return StringData.fromString(new String(value, StandardCharsets.UTF_8));
  }

  /** {@code +y-mm}, as Flink prints INTERVAL YEAR TO MONTH. */
  public static StringData fromYearMonthInterval(int months) {
    String sign = months < 0 ? "-" : "+";
    long abs = Math.abs((long) months);
    return StringData.fromString(sign + abs / 12 + "-" + (abs % 12 < 10 ? "0" : "") + abs % 12);
  }

  /** {@code +d hh:mm:ss.fff}, as Flink prints INTERVAL DAY TO SECOND. */
  public static StringData fromDayTimeInterval(long millis) {
    String sign = millis < 0 ? "-" : "+";
    long abs = Math.abs(millis);
    long days = abs / DateTimeUtils.MILLIS_PER_DAY;
    String time = DateTimeUtils.formatTime((int) (abs % DateTimeUtils.MILLIS_PER_DAY), 3);
    return StringData.fromString(sign + days + " " + time);
  }

  /** Pads with spaces or truncates to exactly {@code length} characters, for CHAR(n). */
  public static StringData toChar(StringData value, int length) {
    String s = value.toString();
    int chars = s.codePointCount(0, s.length());
    if (chars == length) {
      return value;
    }
    if (chars > length) {
      return StringData.fromString(s.substring(0, s.offsetByCodePoints(0, length)));
    }
    return StringData.fromString(s + " ".repeat(length - chars));
  }

  /** Truncates to at most {@code length} characters, for VARCHAR(n). */
  public static StringData toVarChar(StringData value, int length) {
    if (value.sizeInBytes() <= length) {
      return value;
    }
    String s = value.toString();
    if (s.codePointCount(0, s.length()) <= length) {
      return value;
    }
    return StringData.fromString(s.substring(0, s.offsetByCodePoints(0, length)));
  }

  public static byte[] toBinary(StringData value) {
    return value.toBytes();
  }

  /** Exactly {@code length} bytes, as CAST to BINARY(length): cut, or padded with zero bytes. */
  public static byte[] toBinary(byte[] value, int length) {
    return value.length == length ? value : Arrays.copyOf(value, length);
  }

  /** At most {@code length} bytes, as CAST to VARBINARY(length). */
  public static byte[] toVarBinary(byte[] value, int length) {
    return value.length <= length ? value : Arrays.copyOf(value, length);
  }

  // ---- numbers ---------------------------------------------------------------------------------

  /** The decimal of an integer; null when it does not fit. */
  public static DecimalData fromLongToDecimal(long value, int precision, int scale) {
    return DecimalData.fromBigDecimal(BigDecimal.valueOf(value), precision, scale);
  }

  /** The decimal nearest a double (by its shortest decimal form); null when it does not fit. */
  public static DecimalData fromDoubleToDecimal(double value, int precision, int scale) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw EvaluationException.cannotCast(value, "DECIMAL(" + precision + ", " + scale + ")");
    }
    return DecimalData.fromBigDecimal(BigDecimal.valueOf(value), precision, scale);
  }

  /** Rescales a decimal (rounding half up); null when it does not fit. */
  public static DecimalData toDecimal(DecimalData value, int precision, int scale) {
    if (value.precision() == precision && value.scale() == scale) {
      return value;
    }
    return DecimalData.fromBigDecimal(value.toBigDecimal(), precision, scale);
  }

  /** The integral part of a decimal as a long, wrapping like Java when it is larger. */
  public static long decimalToLong(DecimalData value) {
    return value.toBigDecimal().longValue();
  }

  public static double decimalToDouble(DecimalData value) {
    return value.toBigDecimal().doubleValue();
  }
}
