package io.strom.datastream.windowing.assigners;

import io.strom.datastream.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Finds the groups of overlapping or touching time windows that form one session. */
final class SessionMerging {
  private SessionMerging() {}

  private static final Comparator<TimeWindow> BY_START =
      Comparator.comparingLong(TimeWindow::start);

  /** Reports each run of two or more windows that intersect, in start order, with its cover. */
  static void mergeSessions(
      Collection<TimeWindow> windows, MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
    List<TimeWindow> sorted = new ArrayList<>(windows);
    sorted.sort(BY_START);
    List<TimeWindow> group = new ArrayList<>();
    TimeWindow cover = null;
    for (TimeWindow window : sorted) {
      if (cover != null && cover.intersects(window)) {
        cover = cover.cover(window);
      } else {
        report(group, cover, callback);
        group.clear();
        cover = window;
      }
      group.add(window);
    }
    report(group, cover, callback);
  }

  private static void report(
      List<TimeWindow> group,
      TimeWindow cover,
      MergingWindowAssigner.MergeCallback<TimeWindow> callback) {
    if (group.size() > 1) {
      callback.merge(group, cover);
    }
  }
}
