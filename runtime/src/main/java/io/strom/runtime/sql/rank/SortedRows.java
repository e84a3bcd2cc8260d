package io.strom.runtime.sql.rank;

import io.strom.data.Row;
import io.strom.runtime.generated.RecordComparator;
import java.util.ArrayList;
import java.util.List;

/**
 * The few best rows of a key, kept as a list sorted by a generated comparator; rows that tie keep
 * their order of arrival unless asked otherwise.
 */
final class SortedRows {
  private SortedRows() {}

  /**
   * Where {@code row} goes in {@code sorted}: after the rows it ties with, or before them when
   * {@code beforeTies}.
   */
  static int insertionPoint(
      List<Row> sorted, Row row, RecordComparator comparator, boolean beforeTies) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      int c = comparator.compare(sorted.get(mid), row);
      if (c < 0 || (c == 0 && !beforeTies)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** A new list: {@code sorted} with {@code row} at {@code position}, cut to {@code limit} rows. */
  static List<Row> inserted(List<Row> sorted, int position, Row row, int limit) {
    int size = Math.min(sorted.size() + 1, limit);
    List<Row> result = new ArrayList<>(size);
    result.addAll(sorted.subList(0, position));
    result.add(row);
    result.addAll(sorted.subList(position, size - 1));
    return result;
  }

  /** The state's list as a list, without copying when it already is one. */
  static List<Row> of(Iterable<Row> rows) {
    if (rows instanceof List<Row> list) {
      return list;
    }
    List<Row> list = new ArrayList<>();
    rows.forEach(list::add);
    return list;
  }
}
