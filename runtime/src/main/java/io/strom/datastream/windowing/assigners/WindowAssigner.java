package io.strom.datastream.windowing.assigners;

import io.strom.datastream.windowing.triggers.Trigger;
import io.strom.datastream.windowing.windows.Window;
import io.strom.serde.TypeSerializer;
import java.io.Serializable;
import java.util.List;

/**
 * Decides which windows an element belongs to, and how windows are evaluated by default.
 *
 * <p>Each parallel window operator works on its own copy of the assigner (operators are serialized
 * per instance), so assigners may cache their last result in {@code transient} fields. Called only
 * on the task's thread.
 *
 * @param <T> the elements assigned
 * @param <W> the windows assigned to
 */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The windows {@code element} belongs to; possibly none. The returned list is read-only and may
   * be returned again for later elements, so callers must not keep or change it.
   *
   * @param timestamp the element's event timestamp, or {@code Long.MIN_VALUE} when it has none
   */
  public abstract List<W> assignWindows(T element, long timestamp, AssignerContext ctx);

  /** The trigger used unless the program sets another. */
  public abstract Trigger<? super T, ? super W> defaultTrigger();

  /** True when windows are ranges of event time, false when of processing (wall-clock) time. */
  public abstract boolean isEventTime();

  /** Writes and reads the windows, for keyed state and timers. */
  public abstract TypeSerializer<W> windowSerializer();

  /** What an assigner may ask the operator. */
  public interface AssignerContext {
    long currentProcessingTime();
  }
}
