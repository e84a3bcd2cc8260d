package io.strom.runtime.sql.rank;

import io.strom.data.Row;
import io.strom.runtime.generated.RecordComparator;
import java.util.List;

/** Numbers the rows of a sorted partition by a {@link RankType}. */
final class RankNumbers {
  private RankNumbers() {}

  /**
   * The numbers of the leading rows of {@code sorted} up to the last one numbered at most {@code
   * end}: element i is the number of row i, and the array ends where numbers pass {@code end}.
   */
  static long[] of(List<Row> sorted, RankType type, RecordComparator order, long end) {
    long[] numbers = new long[sorted.size()];
    int count = 0;
    for (int i = 0; i < sorted.size(); i++) {
      long number;
      boolean tie = i > 0 && order.compare(sorted.get(i - 1), sorted.get(i)) == 0;
      switch (type) {
        case ROW_NUMBER -> number = i + 1;
        case RANK -> number = tie ? numbers[i - 1] : i + 1;
        default -> number = tie ? numbers[i - 1] : (i == 0 ? 1 : numbers[i - 1] + 1);
      }
      if (number > end) {
        break;
      }
      numbers[count++] = number;
    }
    return count == numbers.length ? numbers : java.util.Arrays.copyOf(numbers, count);
  }
}
