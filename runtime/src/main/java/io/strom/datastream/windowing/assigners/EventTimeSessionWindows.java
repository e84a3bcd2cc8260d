package io.strom.datastream.windowing.assigners;

import io.strom.datastream.windowing.triggers.EventTimeTrigger;
import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.windows.TimeWindow;
import io.strom.serde.TypeSerializer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Groups the elements of a key into sessions of activity in event time: a session ends when no
 * element arrives for {@code gap}. Each element starts the window {@code [timestamp, timestamp +
 * gap)}; windows that overlap or touch merge, so a late element can join two sessions into one. A
 * session fires when the watermark passes its end.
 */
public final class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long gap;

  private EventTimeSessionWindows(long gap) {
    this.gap = gap;
  }

  /** Sessions that end after {@code gap} without elements. */
  public static EventTimeSessionWindows withGap(Duration gap) {
    return new EventTimeSessionWindows(WindowArguments.positiveMillis(gap, "gap"));
  }

  @Override
  public List<TimeWindow> assignWindows(Object element, long timestamp, AssignerContext ctx) {
    WindowArguments.requireTimestamp(timestamp, this);
    return List.of(new TimeWindow(timestamp, timestamp + gap));
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    SessionMerging.mergeSessions(windows, callback);
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
    return "EventTimeSessionWindows(" + gap + ")";
  }
}
