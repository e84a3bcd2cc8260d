package io.strom.datastream.windowing.assigners;

import io.strom.datastream.windowing.triggers.EventTimeTrigger;
import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.windows.TimeWindow;
import io.strom.serde.TypeSerializer;
import java.time.Duration;
import java.util.List;

/**
 * Puts each element into the one fixed-size, non-overlapping window of event time that contains its
 * timestamp. Windows start at {@code offset + k * size}; with no offset they are aligned to the
 * epoch, e.g. hourly windows start on the full hour (UTC). Fires when the watermark passes the
 * window's end.
 */
public final class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long offset;
  private transient TumblingWindowCache cache;

  private TumblingEventTimeWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  /** Windows of {@code size}, aligned to the epoch. */
  public static TumblingEventTimeWindows of(Duration size) {
    return of(size, Duration.ZERO);
  }

  /**
   * Windows of {@code size} starting {@code offset} after the epoch-aligned boundaries; e.g. a size
   * of one day and an offset of -8 hours gives days in UTC+8.
   */
  public static TumblingEventTimeWindows of(Duration size, Duration offset) {
    long sizeMillis = WindowArguments.positiveMillis(size, "size");
    return new TumblingEventTimeWindows(
        sizeMillis, WindowArguments.offsetMillis(offset, sizeMillis, "size"));
  }

  @Override
  public List<TimeWindow> assignWindows(Object element, long timestamp, AssignerContext ctx) {
    WindowArguments.requireTimestamp(timestamp, this);
    if (cache == null) {
      cache = new TumblingWindowCache(size, offset);
    }
    return cache.windowOf(timestamp);
  }

  @Override
  public Trigger<Object, ? super TimeWindow> defaultTrigger() {
    return EventTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return true;
  }

  @Override
  public TypeSerializer<TimeWindow> windowSerializer() {
    return TimeWindow.SERIALIZER;
  }

  @Override
  public String toString() {
    return "TumblingEventTimeWindows(" + size + (offset == 0 ? "" : ", " + offset) + ")";
  }
}
