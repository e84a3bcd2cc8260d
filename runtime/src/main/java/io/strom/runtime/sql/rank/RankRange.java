package io.strom.runtime.sql.rank;

import java.io.Serializable;

/**
 * Which row numbers of each partition a Top-N query keeps ({@code rn BETWEEN start AND end}) and
 * whether it shows the number.
 */
public record RankRange(long start, long end, boolean outputRankNumber) implements Serializable {
  public RankRange {
    if (start < 1 || end < start) {
      throw new IllegalArgumentException("Bad rank range [" + start + ", " + end + "]");
    }
    if (end > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("A Top-N keeps at most about 2^31 rows, not " + end);
    }
  }

  /** How many rows per partition must be kept to know the ranks up to {@link #end}. */
  int kept() {
    return (int) end;
  }
}
