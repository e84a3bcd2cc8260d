package io.strom.table.api;

/**
 * Sliding (hopping) windows: fixed size, starting every slide.
 * {@code Slide.over(lit(1).hours()).every(lit(10).minutes()).on($("ts")).as("w")}.
 */
public final class Slide {
  private Slide() {}

  public static GroupWindow over(Expression size) {
    return new GroupWindow(GroupWindow.Kind.SLIDE, size, null, null, null);
  }
}
