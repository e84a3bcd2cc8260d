package io.strom.table.api;

/**
 * Session windows: a window per burst of rows, closed by a gap of inactivity.
 * {@code Session.withGap(lit(10).minutes()).on($("ts")).as("w")}.
 */
public final class Session {
  private Session() {}

  public static GroupWindow withGap(Expression gap) {
    return new GroupWindow(GroupWindow.Kind.SESSION, gap, null, null, null);
  }
}
