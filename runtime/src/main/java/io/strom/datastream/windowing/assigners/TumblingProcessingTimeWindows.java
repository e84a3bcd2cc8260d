package io.strom.datastream.windowing.assigners;

import io.strom.datastream.windowing.triggers.ProcessingTimeTrigger;
import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.windows.TimeWindow;
import io.strom.serde.TypeSerializer;
import java.time.Duration;
import java.util.List;

/**
 * Puts each element into the one fixed-size, non-overlapping window of processing (wall-clock) time
 * that contains the moment the operator sees it. Windows start at {@code offset + k * size}; with
 * no offset they are aligned to the epoch. Fires when the wall clock reaches the window's end.
 */
public final class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long size;
  private final long offset;
  private transient TumblingWindowCache cache;

  private TumblingProcessingTimeWindows(long size, long offset) {
    this.size = size;
    this.offset = offset;
  }

  /** Windows of {@code size}, aligned to the epoch. */
  public static TumblingProcessingTimeWindows of(Duration size) {
    return of(size, Duration.ZERO);
  }

  /**
   * Windows of {@code size} starting {@code offset} after the epoch-aligned boundaries; e.g. a size
   * of one day and an offset of -8 hours gives days in UTC+8.
   */
  public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
    long sizeMillis = WindowArguments.positiveMillis(size, "size");
    return new TumblingProcessingTimeWindows(
        sizeMillis, WindowArguments.offsetMillis(offset, sizeMillis, "size"));
  }

  @Override
  public List<TimeWindow> assignWindows(Object element, long timestamp, AssignerContext ctx) {
    if (cache == null) {
      cache = new TumblingWindowCache(size, offset);
    }
    return cache.windowOf(ctx.currentProcessingTime());
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
    return "TumblingProcessingTimeWindows(" + size + (offset == 0 ? "" : ", " + offset) + ")";
  }
}
