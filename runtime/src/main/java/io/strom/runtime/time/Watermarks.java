package io.strom.runtime.time;

/** Special watermark values. */
public final class Watermarks {
  private Watermarks() {}

  /** No watermark seen yet. */
  public static final long NONE = Long.MIN_VALUE;

  /** End of event time: a bounded input emits it after its last record, firing every timer. */
  public static final long END = Long.MAX_VALUE;
}
