package io.strom.table.api;

/** Tumbling windows: fixed size, no overlap. {@code Tumble.over(lit(1).hours()).on($("ts")).as("w")}. */
public final class Tumble {
  private Tumble() {}

  public static GroupWindow over(Expression size) {
    return new GroupWindow(GroupWindow.Kind.TUMBLE, size, null, null, null);
  }
}
