package io.strom.datastream.windowing.assigners;

import io.strom.datastream.windowing.triggers.ProcessingTimeTrigger;
import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.windows.TimeWindow;
import io.strom.serde.TypeSerializer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Groups the elements of a key into sessions of activity in processing (wall-clock) time: a session
 * ends when the operator sees no element of the key for {@code gap}. Fires when the wall clock
 * reaches the session's end.
 */
public final class ProcessingTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
  private static final long serialVersionUID = 1L;

  private final long gap;

  private ProcessingTimeSessionWindows(long gap) {
    this.gap = gap;
  }

  /** Sessions that end after {@code gap} without elements. */
  public static ProcessingTimeSessionWindows withGap(Duration gap) {
    return new ProcessingTimeSessionWindows(WindowArguments.positiveMillis(gap, "gap"));
  }

  @Override
  public List<TimeWindow> assignWindows(Object element, long timestamp, AssignerContext ctx) {
    long now = ctx.currentProcessingTime();
    return List.of(new TimeWindow(now, now + gap));
  }

  @Override
  public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
    SessionMerging.mergeSessions(windows, callback);
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
    return "ProcessingTimeSessionWindows(" + gap + ")";
  }
}
