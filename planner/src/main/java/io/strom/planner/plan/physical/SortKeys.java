package io.strom.planner.plan.physical;

import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/** How partition and sort keys read in plans: {@code a, b}, {@code price DESC, ts ASC}. */
final class SortKeys {
  private SortKeys() {}

  static String fields(int[] fields, List<String> names) {
    StringBuilder s = new StringBuilder();
    for (int field : fields) {
      s.append(s.length() == 0 ? "" : ", ").append(names.get(field));
    }
    return s.toString();
  }

  static String order(List<RelFieldCollation> keys, List<String> names) {
    StringBuilder s = new StringBuilder();
    for (RelFieldCollation key : keys) {
      s.append(s.length() == 0 ? "" : ", ").append(names.get(key.getFieldIndex()))
          .append(key.getDirection().isDescending() ? " DESC" : " ASC");
    }
    return s.toString();
  }

  /** {@code rankStart=1, rankEnd=10}, as Flink prints a constant rank range. */
  static String range(long start, long end) {
    return "rankStart=" + start + ", rankEnd=" + end;
  }
}
