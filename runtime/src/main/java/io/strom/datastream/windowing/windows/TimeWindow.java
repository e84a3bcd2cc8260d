package io.strom.datastream.windowing.windows;

import io.strom.serde.DataInputView;
import io.strom.serde.DataOutputView;
import io.strom.serde.TypeSerializer;
import java.io.IOException;

/**
 * A window over the time range {@code [start, end)}: the start is included, the end is not, so
 * {@link #maxTimestamp()} is {@code end - 1}. Immutable.
 */
public final class TimeWindow extends Window {
  private static final long serialVersionUID = 1L;

  /** Writes a time window as its two bounds. */
  public static final TypeSerializer<TimeWindow> SERIALIZER = new Serializer();

  private final long start;
  private final long end;

  public TimeWindow(long start, long end) {
    if (end <= start) {
      throw new IllegalArgumentException(
          "A time window must end after it starts, was [" + start + ", " + end + ")");
    }
    this.start = start;
    this.end = end;
  }

  /** The first timestamp of the window (included). */
  public long start() {
    return start;
  }

  /** The first timestamp after the window (excluded). */
  public long end() {
    return end;
  }

  @Override
  public long maxTimestamp() {
    return end - 1;
  }

  /**
   * True when the two windows overlap or touch, which is when session windows merge: a session
   * ending at {@code t} and one starting at {@code t} are one session.
   */
  public boolean intersects(TimeWindow other) {
    return start <= other.end && end >= other.start;
  }

  /** The smallest window that contains both windows. */
  public TimeWindow cover(TimeWindow other) {
    return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
  }

  /**
   * The start of the window of length {@code size} that contains {@code timestamp}, with window
   * starts at {@code offset + k * size} for any integer {@code k}. Uses floor arithmetic, so
   * timestamps before the epoch land in the window that contains them, not the one after.
   */
  public static long windowStart(long timestamp, long offset, long size) {
    return timestamp - Math.floorMod(timestamp - offset, size);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimeWindow other && other.start == start && other.end == end;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(start * 31 + end);
  }

  @Override
  public String toString() {
    return "TimeWindow[" + start + ", " + end + ")";
  }

  /** Serializes a window as start and end; stateless, so one instance serves every thread. */
  private static final class Serializer implements TypeSerializer<TimeWindow> {
    private static final long serialVersionUID = 1L;

    @Override
    public void serialize(TimeWindow value, DataOutputView target) throws IOException {
      target.writeLong(value.start);
      target.writeLong(value.end);
    }

    @Override
    public TimeWindow deserialize(DataInputView source) throws IOException {
      long start = source.readLong();
      return new TimeWindow(start, source.readLong());
    }

    @Override
    public TimeWindow copy(TimeWindow value) {
      return value;
    }

    @Override
    public boolean isImmutableType() {
      return true;
    }
  }
}
