package io.strom.datastream.windowing.triggers;

import io.strom.datastream.windowing.windows.Window;

/**
 * Fires a window once the watermark passes its {@link Window#maxTimestamp() maximum timestamp}, and
 * again for every element that arrives later but within the allowed lateness. The default trigger
 * of event-time window assigners; supports merging windows.
 */
public final class EventTimeTrigger extends Trigger<Object, Window> {
  private static final long serialVersionUID = 1L;

  private static final EventTimeTrigger INSTANCE = new EventTimeTrigger();

  private EventTimeTrigger() {}

  public static EventTimeTrigger create() {
    return INSTANCE;
  }

  @Override
  public TriggerResult onElement(
      Object element, long timestamp, Window window, TriggerContext ctx) {
    if (window.maxTimestamp() <= ctx.currentWatermark()) {
      // The window already fired; the operator kept it because of allowed lateness, so the late
      // element updates the result right away.
      return TriggerResult.FIRE;
    }
    ctx.registerEventTimeTimer(window.maxTimestamp());
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
    // Other timers of the window (its cleanup time) also arrive here.
    return time == window.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(Window window, OnMergeContext ctx) {
    // A merged window that already fired must not fire again through a stale timer; one that has
    // not needs its own timer, because the merged windows' timers are gone.
    if (window.maxTimestamp() > ctx.currentWatermark()) {
      ctx.registerEventTimeTimer(window.maxTimestamp());
    }
  }

  @Override
  public void clear(Window window, TriggerContext ctx) {
    ctx.deleteEventTimeTimer(window.maxTimestamp());
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
