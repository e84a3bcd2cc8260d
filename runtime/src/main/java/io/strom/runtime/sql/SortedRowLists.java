package io.strom.runtime.sql;

import io.strom.data.BinaryRow;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.runtime.generated.RecordComparator;
import io.strom.serde.RowSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition's rows kept as a list sorted by a generated comparator, as operators over updating
 * inputs keep them: rows are stored as binary copies of kind INSERT, so that a retraction finds
 * the stored row equal to it by its bytes.
 */
public final class SortedRowLists {
  private SortedRowLists() {}

  /** The binary copy of {@code row} to store: its values, with kind INSERT. */
  public static BinaryRow content(RowSerializer serializer, Row row) {
    BinaryRow copy = serializer.toBinary(row).copy();
    copy.setKind(RowKind.INSERT);
    return copy;
  }

  /** Whether a row of this kind adds to the table (+I, +U) rather than takes away (-U, -D). */
  public static boolean isAccumulate(Row row) {
    return row.kind() == RowKind.INSERT || row.kind() == RowKind.UPDATE_AFTER;
  }

  /** Where {@code row} goes in {@code sorted}: after the rows it ties with. */
  public static int insertionPoint(List<Row> sorted, Row row, RecordComparator order) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (order.compare(sorted.get(mid), row) <= 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The first position whose row does not sort before {@code row}. */
  public static int lowerBound(List<Row> sorted, Row row, RecordComparator order) {
    int low = 0;
    int high = sorted.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (order.compare(sorted.get(mid), row) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * The position of a stored row equal to {@code content} (a row made by {@link #content}), or -1:
   * the first among the rows that tie with it whose bytes are equal.
   */
  public static int indexOf(List<Row> sorted, BinaryRow content, RecordComparator order) {
    for (int i = lowerBound(sorted, content, order);
        i < sorted.size() && order.compare(sorted.get(i), content) == 0; i++) {
      if (content.equals(sorted.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** A list of the state's rows that the caller may change. */
  public static List<Row> mutableCopy(Iterable<Row> rows) {
    List<Row> list = new ArrayList<>();
    if (rows != null) {
      rows.forEach(list::add);
    }
    return list;
  }
}
