package io.strom.datastream.windowing.assigners;

import io.strom.datastream.windowing.triggers.EventTimeTrigger;
import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.windows.TimeWindow;
import io.strom.serde.TypeSerializer;
import java.time.Duration;
import java.util.List;

/**
 * Puts each element into every window of event time of length {@code size} that contains its
 * timestamp, where a new window starts every {@code slide} (at {@code offset + k * slide}). With a
 * slide shorter than the size, windows overlap and an element is in about {@code size / slide} of
 * them. Fires when the watermark passes a window's end.
 */
public final class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long slide;
  private final long offset;
  private transient SlidingWindowCache cache;

  private SlidingEventTimeWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  /** Windows of {@code size} starting every {@code slide}, aligned to the epoch. */
  public static SlidingEventTimeWindows of(Duration size, Duration slide) {
    return of(size, slide, Duration.ZERO);
  }

  /** Windows of {@code size} starting every {@code slide}, shifted by {@code offset}. */
  public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
    long slideMillis = WindowArguments.positiveMillis(slide, "slide");
    return new SlidingEventTimeWindows(
        WindowArguments.positiveMillis(size, "size"),
        slideMillis,
        WindowArguments.offsetMillis(offset, slideMillis, "slide"));
  }

  @Override
  public List<TimeWindow> assignWindows(Object element, long timestamp, AssignerContext ctx) {
    WindowArguments.requireTimestamp(timestamp, this);
    if (cache == null) {
      cache = new SlidingWindowCache(size, slide, offset);
    }
    return cache.windowsOf(timestamp);
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
    return "SlidingEventTimeWindows("
        + size
        + ", "
        + slide
        + (offset == 0 ? "" : ", " + offset)
        + ")";
  }
}
