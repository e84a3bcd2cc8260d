package io.strom.datastream.windowing.triggers;

import io.strom.api.state.ReducingState;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.datastream.windowing.windows.Window;
import java.io.Serializable;

/**
 * Decides when a window is evaluated and when its contents are dropped. The window operator asks
 * the trigger on every element added to a window and on every timer the trigger set for it.
 *
 * <p>A trigger instance serves all keys and windows of an operator instance, so it keeps nothing in
 * fields: per-window state goes through {@link TriggerContext#getState} and friends, which is
 * scoped to the current key and window. Called only on the task's thread.
 *
 * @param <T> the elements the trigger sees
 * @param <W> the windows it decides for
 */
public abstract class Trigger<T, W extends Window> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** An element was added to {@code window}. */
  public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx)
      throws Exception;

  /** An event-time timer set through {@code ctx} for {@code window} fired. */
  public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx)
      throws Exception;

  /** A processing-time timer set through {@code ctx} for {@code window} fired. */
  public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx)
      throws Exception;

  /** True when the trigger supports merging windows (session windows), see {@link #onMerge}. */
  public boolean canMerge() {
    return false;
  }

  /**
   * Windows were merged into {@code window}: merge their trigger state and set the timers the
   * merged window needs. The timers of the merged windows are already deleted.
   */
  public void onMerge(W window, OnMergeContext ctx) throws Exception {
    throw new UnsupportedOperationException(
        getClass().getSimpleName() + " does not support merging windows");
  }

  /** The window is gone: delete the timers and state the trigger keeps for it. */
  public abstract void clear(W window, TriggerContext ctx) throws Exception;

  /** A short name for operator names, e.g. {@code "EventTimeTrigger"}. */
  @Override
  public String toString() {
    return getClass().getSimpleName();
  }

  /**
   * What a trigger can do for the window it is asked about: read the time, set and delete timers
   * for the window, and keep state scoped to the window and its key.
   */
  public interface TriggerContext {
    long currentProcessingTime();

    /** The operator's event time: the last watermark it received. */
    long currentWatermark();

    void registerEventTimeTimer(long time);

    void registerProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    /** Value state of the current key and window. */
    <S> ValueState<S> getState(ValueStateDescriptor<S> descriptor);

    /** Reducing state of the current key and window. */
    <S> ReducingState<S> getReducingState(ReducingStateDescriptor<S> descriptor);
  }

  /** The context of {@link #onMerge}: can also merge state of the merged windows. */
  public interface OnMergeContext extends TriggerContext {
    /** Reduces the state of the merged windows into the state of the resulting window. */
    <S> void mergeReducingState(ReducingStateDescriptor<S> descriptor) throws Exception;
  }
}
