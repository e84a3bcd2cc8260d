package io.strom.configuration;

import java.time.Duration;
import java.util.Locale;

/** Parsing and printing of configuration values in the forms Flink accepts. */
final class ConfigValues {
  private ConfigValues() {}

  static int parseInt(String text) {
    return Integer.parseInt(text);
  }

  static long parseLong(String text) {
    return Long.parseLong(text);
  }

  static boolean parseBoolean(String text) {
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("expected 'true' or 'false'");
  }

  static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
    String wanted = text.replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(wanted)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  /**
   * Parses durations such as {@code 200 ms}, {@code 10s}, {@code 5 min}, {@code 1 h}, {@code 2 d},
   * ISO-8601 ({@code PT10S}), or a bare number of milliseconds.
   */
  static Duration parseDuration(String text) {
    String t = text.trim();
    if (t.startsWith("P") || t.startsWith("p")) {
      return Duration.parse(t.toUpperCase(Locale.ROOT));
    }
    int i = 0;
    while (i < t.length() && Character.isDigit(t.charAt(i))) {
      i++;
    }
    if (i == 0) {
      throw new IllegalArgumentException("a duration must start with a number");
    }
    long amount = Long.parseLong(t.substring(0, i));
    String unit = t.substring(i).trim().toLowerCase(Locale.ROOT);
    switch (unit) {
      case "":
      case "ms":
      case "milli":
      case "millis":
      case "millisecond":
      case "milliseconds":
        return Duration.ofMillis(amount);
      case "us":
      case "micro":
      case "micros":
      case "microsecond":
      case "microseconds":
        return Duration.ofNanos(amount * 1000);
      case "ns":
      case "nano":
      case "nanos":
      case "nanosecond":
      case "nanoseconds":
        return Duration.ofNanos(amount);
      case "s":
      case "sec":
      case "secs":
      case "second":
      case "seconds":
        return Duration.ofSeconds(amount);
      case "m":
      case "min":
      case "mins":
      case "minute":
      case "minutes":
        return Duration.ofMinutes(amount);
      case "h":
      case "hour":
      case "hours":
        return Duration.ofHours(amount);
      case "d":
      case "day":
      case "days":
        return Duration.ofDays(amount);
      default:
        throw new IllegalArgumentException("unknown time unit '" + unit + "'");
    }
  }

  static String describe(Class<?> type) {
    if (type == Duration.class) {
      return "a duration such as '200 ms' or '10 s'";
    }
    if (type == MemorySize.class) {
      return "a memory size such as '32 kb' or '64 mb'";
    }
    if (type == java.net.URI.class) {
      return "a local path or a URI such as file:///tmp/checkpoints";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    return "a value of type " + type.getSimpleName();
  }
}
