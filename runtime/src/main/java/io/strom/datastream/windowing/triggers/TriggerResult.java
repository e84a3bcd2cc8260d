package io.strom.datastream.windowing.triggers;

/** What a {@link Trigger} decides for a window: evaluate it, drop its contents, both or neither. */
public enum TriggerResult {
  /** Do nothing. */
  CONTINUE(false, false),
  /** Evaluate the window and emit the result; keep its contents. */
  FIRE(true, false),
  /** Drop the window's contents without emitting. */
  PURGE(false, true),
  /** Evaluate the window, emit the result, then drop its contents. */
  FIRE_AND_PURGE(true, true);

  private final boolean fire;
  private final boolean purge;

  TriggerResult(boolean fire, boolean purge) {
    this.fire = fire;
    this.purge = purge;
  }

  public boolean isFire() {
    return fire;
  }

  public boolean isPurge() {
    return purge;
  }
}
