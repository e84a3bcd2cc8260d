package io.strom.runtime.source.lib;

import io.strom.runtime.source.Boundedness;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import io.strom.runtime.source.Source;
import java.util.List;

/** The numbers {@code from} to {@code to}, both included, spread over the parallel readers. */
public final class NumberSequenceSource implements Source<Long, IndexRangeSplit> {
  private static final long serialVersionUID = 1L;

  private final long from;
  private final long to;

  public NumberSequenceSource(long from, long to) {
    if (from > to) {
      throw new IllegalArgumentException("Sequence start " + from + " is after its end " + to);
    }
    if (to == Long.MAX_VALUE) {
      throw new IllegalArgumentException("A number sequence must end before Long.MAX_VALUE");
    }
    this.from = from;
    this.to = to;
  }

  @Override
  public Boundedness boundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<IndexRangeSplit> createEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context) {
    return new FixedSplitsEnumerator<>(
        context, IndexRangeSplits.cut(from, to + 1, context.parallelism()));
  }

  @Override
  public SplitEnumerator<IndexRangeSplit> restoreEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context, List<IndexRangeSplit> unassignedSplits) {
    return new FixedSplitsEnumerator<>(context, unassignedSplits);
  }

  @Override
  public SourceReader<Long, IndexRangeSplit> createReader(SourceReaderContext context) {
    return new IndexRangeReader<>(null) {
      @Override
      protected Long elementAt(long index) {
        return index;
      }
    };
  }
}
