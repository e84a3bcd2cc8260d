package io.strom.connector.nexmark;

import io.strom.runtime.source.SourceSplit;
import java.util.ArrayList;
import java.util.List;

/**
 * The event numbers {@code next, next + stride, next + 2 * stride, ...} below {@code end}. Splits
 * interleave the event numbers, so parallel readers advance through event time together. A
 * reader's checkpoint holds the split with {@code next} moved to the first event not yet emitted.
 *
 * @param id unique among the source's splits
 * @param next the next event number to generate
 * @param end one past the last event number; {@link Long#MAX_VALUE} when endless
 * @param stride the distance between event numbers: the parallelism the splits were cut for,
 *     kept after a restore at another parallelism so that no number is repeated or skipped
 */
public record NexmarkSplit(String id, long next, long end, int stride) implements SourceSplit {
  public NexmarkSplit {
    if (next < 0 || stride < 1) {
      throw new IllegalArgumentException(
          "Invalid nexmark split " + id + ": next " + next + ", stride " + stride);
    }
  }

  /**
   * One split per reader over event numbers {@code [0, end)}, reader {@code i} of {@code
   * parallelism} getting {@code i, i + parallelism, ...}; empty splits are left out.
   */
  static List<NexmarkSplit> interleaved(long end, int parallelism) {
    List<NexmarkSplit> result = new ArrayList<>(parallelism);
    for (int i = 0; i < parallelism && i < end; i++) {
      result.add(new NexmarkSplit(Integer.toString(i), i, end, parallelism));
    }
    return result;
  }

  @Override
  public String splitId() {
    return id;
  }

  /** True when the split has no events left. */
  public boolean isDone() {
    return next >= end;
  }
}
