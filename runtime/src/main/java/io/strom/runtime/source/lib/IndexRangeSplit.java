package io.strom.runtime.source.lib;

import io.strom.runtime.source.SourceSplit;

/**
 * A split of the indexes {@code from, from + step, ...} below {@code to} of a generated or listed
 * sequence. A reader's checkpoint holds the split with {@code from} moved to the next index to read,
 * so a restore continues exactly there.
 *
 * @param id the split id
 * @param from the next index to read
 * @param to one past the last index; {@link Long#MAX_VALUE} for an endless split
 * @param step the distance between indexes: 1, or for an endless split the parallelism it was cut
 *     for, so that readers never repeat an index even after a restore at another parallelism
 */
public record IndexRangeSplit(String id, long from, long to, long step) implements SourceSplit {
  public IndexRangeSplit {
    if (from > to) {
      throw new IllegalArgumentException("Empty range [" + from + ", " + to + ")");
    }
    if (step < 1) {
      throw new IllegalArgumentException("Step must be positive: " + step);
    }
  }

  /** The indexes {@code [from, to)}, one by one. */
  public IndexRangeSplit(String id, long from, long to) {
    this(id, from, to, 1);
  }

  @Override
  public String splitId() {
    return id;
  }
}
