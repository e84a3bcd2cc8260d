package io.strom.benchmarks.flink;

import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The event numbers {@code next, next + stride, ...} below {@code end}, as Strom's own Nexmark
 * split: reader {@code i} of {@code p} reads {@code i, i + p, i + 2p, ...}, so both engines hand
 * every parallel reader the same events.
 */
record NexmarkFlinkSplit(String id, long next, long end, int stride) implements SourceSplit {
  NexmarkFlinkSplit {
    if (next < 0 || stride < 1) {
      throw new IllegalArgumentException(
          "Invalid nexmark split " + id + ": next " + next + ", stride " + stride);
    }
  }

  @Override
  public String splitId() {
    return id;
  }

  /** One split per reader over event numbers {@code [0, end)}; empty splits are left out. */
  static java.util.List<NexmarkFlinkSplit> cut(long end, int parallelism) {
    java.util.List<NexmarkFlinkSplit> splits = new java.util.ArrayList<>(parallelism);
    for (int i = 0; i < parallelism && i < end; i++) {
      splits.add(new NexmarkFlinkSplit(Integer.toString(i), i, end, parallelism));
    }
    return splits;
  }
}
