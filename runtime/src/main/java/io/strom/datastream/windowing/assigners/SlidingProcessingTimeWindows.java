package io.strom.datastream.windowing.assigners;

import io.strom.datastream.windowing.triggers.ProcessingTimeTrigger;
import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.windows.TimeWindow;
import io.strom.serde.TypeSerializer;
import java.time.Duration;
import java.util.List;

/**
 * Puts each element into every window of processing (wall-clock) time of length {@code size} that
 * contains the moment the operator sees it, where a new window starts every {@code slide} (at
 * {@code offset + k * slide}). Fires when the wall clock reaches a window's end.
 */
public final class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long slide;
  private final long offset;
  private transient SlidingWindowCache cache;

  private SlidingProcessingTimeWindows(long size, long slide, long offset) {
    this.size = size;
    this.slide = slide;
    this.offset = offset;
  }

  /** Windows of {@code size} starting every {@code slide}, aligned to the epoch. */
  public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
    return of(size, slide, Duration.ZERO);
  }

  /** Windows of {@code size} starting every {@code slide}, shifted by {@code offset}. */
  public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
    long slideMillis = WindowArguments.positiveMillis(slide, "slide");
    return new SlidingProcessingTimeWindows(
        WindowArguments.positiveMillis(size, "size"),
        slideMillis,
        WindowArguments.offsetMillis(offset, slideMillis, "slide"));
  }

  @Override
  public List<TimeWindow> assignWindows(Object element, long timestamp, AssignerContext ctx) {
    if (cache == null) {
      cache = new SlidingWindowCache(size, slide, offset);
    }
    return cache.windowsOf(ctx.currentProcessingTime());
  }

  @Override
  public Trigger<Object, ? super TimeWindow> defaultTrigger() {
    return ProcessingTimeTrigger.create();
  }

  @Override
  public boolean isEventTime() {
    return false;
  }

  @Override
  public TypeSerializer<TimeWindow> windowSerializer() {
    return TimeWindow.SERIALIZER;
  }

  @Override
  public String toString() {
    return "SlidingProcessingTimeWindows("
        + size
        + ", "
        + slide
        + (offset == 0 ? "" : ", " + offset)
        + ")";
  }
}
