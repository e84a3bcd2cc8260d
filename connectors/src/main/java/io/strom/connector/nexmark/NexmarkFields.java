package io.strom.connector.nexmark;

import java.io.Serializable;
import java.util.Map;

/**
 * Which fields of the {@code person}, {@code auction} and {@code bid} rows a query reads, as bit
 * masks over the fields' positions. The generator builds only those: the others stay NULL, and
 * their strings and timestamps are never allocated. Every event still draws the same random
 * numbers, so the fields that are built hold the same values as in a full row.
 */
record NexmarkFields(long person, long auction, long bid) implements Serializable {
  /** Every field of every kind. */
  static final NexmarkFields ALL = new NexmarkFields(-1L, -1L, -1L);

  /**
   * The fields read, from the positions read per top-level column of the table (see {@link
   * io.strom.connector.SupportsNestedFieldPruning}); a column not in {@code read} is read whole.
   */
  static NexmarkFields of(Map<Integer, int[]> read) {
    return new NexmarkFields(
        mask(read.get(NexmarkGenerator.PERSON)),
        mask(read.get(NexmarkGenerator.AUCTION)),
        mask(read.get(NexmarkGenerator.BID)));
  }

  private static long mask(int[] positions) {
    if (positions == null) {
      return -1L;
    }
    long mask = 0L;
    for (int position : positions) {
      mask |= 1L << position;
    }
    return mask;
  }

  /** Whether field {@code position} of a row whose mask is {@code mask} is read. */
  static boolean reads(long mask, int position) {
    return (mask & (1L << position)) != 0;
  }
}
