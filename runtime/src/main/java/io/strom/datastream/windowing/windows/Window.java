package io.strom.datastream.windowing.windows;

import java.io.Serializable;

/**
 * A group of elements a window operator collects and evaluates together, such as a time range.
 *
 * <p>Windows are immutable values: they name the state and timers of a window, so subclasses
 * implement {@code equals} and {@code hashCode}.
 */
public abstract class Window implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The largest timestamp that still belongs to this window; results carry it as timestamp. */
  public abstract long maxTimestamp();
}
