package io.strom.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The internal value of {@code TIMESTAMP} and {@code TIMESTAMP_LTZ}: milliseconds since
 * 1970-01-01 00:00 plus the nanoseconds within that millisecond.
 *
 * <p>For {@code TIMESTAMP} the epoch is read as a wall-clock time (no zone); for {@code
 * TIMESTAMP_LTZ} it is the instant in UTC.
 *
 * @param millisecond milliseconds since the epoch, negative before 1970
 * @param nanoOfMillisecond 0 to 999,999
 */
public record TimestampData(long millisecond, int nanoOfMillisecond)
    implements Comparable<TimestampData> {
  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final int NANOS_PER_MILLI = 1_000_000;

  public TimestampData {
    if (nanoOfMillisecond < 0 || nanoOfMillisecond >= NANOS_PER_MILLI) {
      throw new IllegalArgumentException(
          "nanoOfMillisecond must be between 0 and 999999, got " + nanoOfMillisecond);
    }
  }

  public static TimestampData fromEpochMillis(long millisecond) {
    return new TimestampData(millisecond, 0);
  }

  public static TimestampData fromEpochMillis(long millisecond, int nanoOfMillisecond) {
    return new TimestampData(millisecond, nanoOfMillisecond);
  }

  public static TimestampData fromLocalDateTime(LocalDateTime dateTime) {
    long nanoOfDay = dateTime.toLocalTime().toNanoOfDay();
    long millis =
        dateTime.toLocalDate().toEpochDay() * MILLIS_PER_DAY + nanoOfDay / NANOS_PER_MILLI;
    return new TimestampData(millis, (int) (nanoOfDay % NANOS_PER_MILLI));
  }

  public static TimestampData fromInstant(Instant instant) {
    long millis = instant.getEpochSecond() * 1000 + instant.getNano() / NANOS_PER_MILLI;
    return new TimestampData(millis, instant.getNano() % NANOS_PER_MILLI);
  }

  public LocalDateTime toLocalDateTime() {
    long day = Math.floorDiv(millisecond, MILLIS_PER_DAY);
    long millisOfDay = Math.floorMod(millisecond, MILLIS_PER_DAY);
    return LocalDateTime.of(
        LocalDate.ofEpochDay(day),
        LocalTime.ofNanoOfDay(millisOfDay * NANOS_PER_MILLI + nanoOfMillisecond));
  }

  public Instant toInstant() {
    long seconds = Math.floorDiv(millisecond, 1000);
    long nanos = Math.floorMod(millisecond, 1000) * NANOS_PER_MILLI + nanoOfMillisecond;
    return Instant.ofEpochSecond(seconds, nanos);
  }

  /** True when the value can be held as milliseconds alone, which precision 0 to 3 guarantees. */
  public static boolean isCompact(int precision) {
    return precision <= 3;
  }

  @Override
  public int compareTo(TimestampData other) {
    int byMillis = Long.compare(millisecond, other.millisecond);
    return byMillis != 0 ? byMillis : Integer.compare(nanoOfMillisecond, other.nanoOfMillisecond);
  }

  /** The wall-clock form, e.g. {@code 2024-03-01T12:00:00.123}. */
  @Override
  public String toString() {
    return toLocalDateTime().toString();
  }
}
