package io.strom.datastream.windowing.triggers;

import static java.util.Objects.requireNonNull;

import io.strom.datastream.windowing.windows.Window;

/**
 * Wraps a trigger so that every time it fires, the window's contents are also dropped: each result
 * then covers only the elements since the previous one.
 */
public final class PurgingTrigger<T, W extends Window> extends Trigger<T, W> {
  private static final long serialVersionUID = 1L;

  private final Trigger<T, W> nested;

  private PurgingTrigger(Trigger<T, W> nested) {
    this.nested = requireNonNull(nested, "nested");
  }

  /** Makes {@code trigger} purge the window whenever it fires. */
  public static <T, W extends Window> PurgingTrigger<T, W> of(Trigger<T, W> trigger) {
    return new PurgingTrigger<>(trigger);
  }

  private static TriggerResult purgeOnFire(TriggerResult result) {
    return result.isFire() ? TriggerResult.FIRE_AND_PURGE : result;
  }

  @Override
  public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx)
      throws Exception {
    return purgeOnFire(nested.onElement(element, timestamp, window, ctx));
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception {
    return purgeOnFire(nested.onEventTime(time, window, ctx));
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception {
    return purgeOnFire(nested.onProcessingTime(time, window, ctx));
  }

  @Override
  public boolean canMerge() {
    return nested.canMerge();
  }

  @Override
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    nested.onMerge(window, ctx);
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    nested.clear(window, ctx);
  }

  @Override
  public String toString() {
    return "PurgingTrigger(" + nested + ")";
  }
}
