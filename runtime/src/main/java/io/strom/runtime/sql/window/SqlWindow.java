package io.strom.runtime.sql.window;

import java.io.Serializable;

/**
 * A window of the SQL windowing table functions, in milliseconds: which windows a row at a given
 * time belongs to. Windows are half-open, {@code [start, end)}, aligned to the epoch plus {@code
 * offset}.
 *
 * @param kind the function
 * @param size the window's length (TUMBLE, HOP, CUMULATE's largest window); SESSION's gap
 * @param step HOP's slide or CUMULATE's step; equal to {@code size} otherwise
 * @param offset shifts window starts away from the epoch
 */
public record SqlWindow(Kind kind, long size, long step, long offset) implements Serializable {

  public enum Kind {
    TUMBLE,
    HOP,
    CUMULATE,
    SESSION
  }

  /** Receives the windows of a row. */
  @FunctionalInterface
  public interface WindowConsumer {
    void accept(long start, long end) throws Exception;
  }

  public SqlWindow {
    if (size <= 0 || step <= 0) {
      throw new IllegalArgumentException(kind + " window needs a positive size and step");
    }
    if ((kind == Kind.HOP || kind == Kind.CUMULATE) && size % step != 0) {
      throw new IllegalArgumentException(
          kind + " window size " + size + " ms must be a whole multiple of its step " + step + " ms");
    }
  }

  public static SqlWindow tumble(long size, long offset) {
    return new SqlWindow(Kind.TUMBLE, size, size, offset);
  }

  public static SqlWindow hop(long slide, long size, long offset) {
    return new SqlWindow(Kind.HOP, size, slide, offset);
  }

  public static SqlWindow cumulate(long step, long size, long offset) {
    return new SqlWindow(Kind.CUMULATE, size, step, offset);
  }

  public static SqlWindow session(long gap) {
    return new SqlWindow(Kind.SESSION, gap, gap, 0);
  }

  /** The start of the window of length {@code length} aligned windows that holds {@code time}. */
  static long alignedStart(long time, long length, long offset) {
    return time - Math.floorMod(time - offset, length);
  }

  /**
   * Passes every window holding {@code time} to {@code consumer}: one for TUMBLE, size/slide for
   * HOP (latest start first), and for CUMULATE each window of the enclosing period that ends after
   * {@code time} (smallest first). For SESSION the row's own session, {@code [time, time + gap)},
   * before the session window aggregation merges it with the sessions of other rows.
   */
  public void forEachWindow(long time, WindowConsumer consumer) throws Exception {
    switch (kind) {
      case TUMBLE -> {
        long start = alignedStart(time, size, offset);
        consumer.accept(start, start + size);
      }
      case HOP -> {
        long lastStart = alignedStart(time, step, offset);
        for (long start = lastStart; start > time - size; start -= step) {
          consumer.accept(start, start + size);
        }
      }
      case CUMULATE -> {
        long start = alignedStart(time, size, offset);
        long firstEnd = alignedStart(time, step, offset) + step;
        for (long end = firstEnd; end <= start + size; end += step) {
          consumer.accept(start, end);
        }
      }
      case SESSION -> consumer.accept(time, time + size);
    }
  }

  /** As plans show it: {@code TUMBLE(size=[10 s])}. */
  public String describe() {
    return switch (kind) {
      case TUMBLE -> "TUMBLE(size=[" + duration(size) + "]" + offsetText() + ")";
      case HOP -> "HOP(slide=[" + duration(step) + "], size=[" + duration(size) + "]" + offsetText() + ")";
      case CUMULATE -> "CUMULATE(step=[" + duration(step) + "], max_size=[" + duration(size) + "]"
          + offsetText() + ")";
      case SESSION -> "SESSION(gap=[" + duration(size) + "])";
    };
  }

  private String offsetText() {
    return offset == 0 ? "" : ", offset=[" + duration(offset) + "]";
  }

  /** {@code millis} as plans print durations: {@code 10 min}, {@code 1 h}, {@code 250 ms}. */
  public static String duration(long millis) {
    if (millis % 86_400_000 == 0) {
      return millis / 86_400_000 + " d";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + " h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + " min";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return millis + " ms";
  }
}
