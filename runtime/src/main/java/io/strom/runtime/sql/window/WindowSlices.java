package io.strom.runtime.sql.window;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * The slices of HOP and CUMULATE windows: the windows cut into pieces one step long ({@code
 * HOP}'s slide, {@code CUMULATE}'s step), aligned like the windows, so that every row lies in
 * exactly one slice and every window is a run of whole slices. A window aggregation can then
 * accumulate each row once, into its slice, and compute a window by merging its slices, instead of
 * accumulating the row once per window (size / step times).
 *
 * <p>A TUMBLE window is a single slice. Processing-time TUMBLE aggregations use these slices too,
 * so that, like HOP and CUMULATE, they take each row's window from the aggregation's own clock.
 *
 * <p>Slices and windows are named by their end; window ends are slice ends.
 */
public record WindowSlices(SqlWindow window) implements Serializable {

  public WindowSlices {
    requireNonNull(window, "window");
    if (window.kind() == SqlWindow.Kind.SESSION) {
      throw new IllegalArgumentException("SESSION windows merge and are never sliced");
    }
  }

  /**
   * Whether windows of {@code kind} are sliced on event time too: those that overlap (HOP,
   * CUMULATE), whose aggregation then accumulates each row once instead of once per window.
   */
  public static boolean slices(SqlWindow.Kind kind) {
    return kind == SqlWindow.Kind.HOP || kind == SqlWindow.Kind.CUMULATE;
  }

  /** The start of the slice holding {@code time}. */
  public long sliceStart(long time) {
    return SqlWindow.alignedStart(time, window.step(), window.offset());
  }

  /** The start of the window ending at {@code windowEnd}. */
  public long windowStart(long windowEnd) {
    // A TUMBLE window is a HOP whose slide is its size.
    return window.kind() != SqlWindow.Kind.CUMULATE
        ? windowEnd - window.size()
        : SqlWindow.alignedStart(windowEnd - 1, window.size(), window.offset());
  }

  /** The end of the first slice of the window ending at {@code windowEnd}. */
  public long firstSliceEnd(long windowEnd) {
    return windowStart(windowEnd) + window.step();
  }

  /**
   * The end of the last window holding the slice ending at {@code sliceEnd}: once that window has
   * fired, no window needs the slice any more.
   */
  public long lastWindowEnd(long sliceEnd) {
    return window.kind() != SqlWindow.Kind.CUMULATE
        ? sliceEnd - window.step() + window.size()
        : SqlWindow.alignedStart(sliceEnd - 1, window.size(), window.offset()) + window.size();
  }

  /**
   * The end of the first window holding the slice ending at {@code sliceEnd} that fires after
   * {@code watermark} (its last millisecond is later): {@code sliceEnd} itself unless the
   * watermark has passed it. May lie beyond {@link #lastWindowEnd} when every window has fired.
   */
  public long firstWindowEndAfter(long sliceEnd, long watermark) {
    if (sliceEnd - 1 > watermark) {
      return sliceEnd;
    }
    // The smallest end e = sliceEnd + k * step with e - 1 > watermark.
    long behind = watermark + 2 - sliceEnd;
    long steps = (behind + window.step() - 1) / window.step();
    return sliceEnd + steps * window.step();
  }

  /** The step between consecutive window ends, which is also the length of a slice. */
  public long step() {
    return window.step();
  }
}
