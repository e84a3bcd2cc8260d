package io.strom.runtime.source.lib;

import io.strom.runtime.source.SourceSplit;

/**
 * A split of the indexes {@code [from, to)} of a generated or listed sequence, with the position
 * already read.
 *
 * @param id the split id
 * @param from the first index
 * @param to one past the last index; {@link Long#MAX_VALUE} for an endless split
 */
public record IndexRangeSplit(String id, long from, long to) implements SourceSplit {
  public IndexRangeSplit {
    if (from > to) {
      throw new IllegalArgumentException("Empty range [" + from + ", " + to + ")");
    }
  }

  @Override
  public String splitId() {
    return id;
  }
}
