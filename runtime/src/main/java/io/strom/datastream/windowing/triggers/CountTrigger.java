package io.strom.datastream.windowing.triggers;

import io.strom.api.state.ReducingState;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.typeinfo.Types;
import io.strom.datastream.windowing.windows.Window;

/**
 * Fires a window every time it has received {@code n} more elements. Counts are kept per key and
 * window, and add up when session windows merge. The window's contents are kept unless the trigger
 * is wrapped in a {@link PurgingTrigger}.
 */
public final class CountTrigger<W extends Window> extends Trigger<Object, W> {
  private static final long serialVersionUID = 1L;

  private final long maxCount;
  private final ReducingStateDescriptor<Long> countDescriptor =
      new ReducingStateDescriptor<>("count-trigger", Long::sum, Types.LONG);

  private CountTrigger(long maxCount) {
    if (maxCount < 1) {
      throw new IllegalArgumentException(
          "A count trigger needs a count of at least 1, was " + maxCount);
    }
    this.maxCount = maxCount;
  }

  /** A trigger that fires after every {@code n} elements of a window. */
  public static <W extends Window> CountTrigger<W> of(long n) {
    return new CountTrigger<>(n);
  }

  @Override
  public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
    ReducingState<Long> count = ctx.getReducingState(countDescriptor);
    count.add(1L);
    if (count.get() >= maxCount) {
      count.clear();
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public boolean canMerge() {
    return true;
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    ctx.mergeReducingState(countDescriptor);
  }

  @Override
  public void clear(W window, TriggerContext ctx) {
    ctx.getReducingState(countDescriptor).clear();
  }

  @Override
  public String toString() {
    return "CountTrigger(" + maxCount + ")";
  }
}
