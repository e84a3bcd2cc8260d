package io.strom.runtime.source.lib;

import static java.util.Objects.requireNonNull;

import io.strom.runtime.source.Boundedness;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import java.util.List;

/**
 * Generates elements from their index: {@code count} of them (bounded), or endlessly, optionally
 * limited to a number per second over all parallel readers.
 */
public final class GeneratorSource<T> implements Source<T, IndexRangeSplit> {
  private static final long serialVersionUID = 1L;

  /** Count of an endless generator. */
  public static final long UNBOUNDED = Long.MAX_VALUE;

  private final GeneratorFunction<T> generator;
  private final long count;
  private final double recordsPerSecond;

  /**
   * @param count how many elements, or {@link #UNBOUNDED}
   * @param recordsPerSecond the total rate over all readers, or 0 for no limit
   */
  public GeneratorSource(GeneratorFunction<T> generator, long count, double recordsPerSecond) {
    this.generator = requireNonNull(generator, "generator");
    if (count < 0) {
      throw new IllegalArgumentException("Count must not be negative: " + count);
    }
    if (recordsPerSecond < 0) {
      throw new IllegalArgumentException("Rate must not be negative: " + recordsPerSecond);
    }
    this.count = count;
    this.recordsPerSecond = recordsPerSecond;
  }

  @Override
  public Boundedness boundedness() {
    return count == UNBOUNDED ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<IndexRangeSplit> createEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context) {
    return new FixedSplitsEnumerator<>(
        context, IndexRangeSplits.cut(0, count, context.parallelism()));
  }

  @Override
  public SplitEnumerator<IndexRangeSplit> restoreEnumerator(
      SplitEnumeratorContext<IndexRangeSplit> context, List<IndexRangeSplit> unassignedSplits) {
    return new FixedSplitsEnumerator<>(context, unassignedSplits);
  }

  @Override
  public SourceReader<T, IndexRangeSplit> createReader(SourceReaderContext context) {
    RateLimiter limiter =
        recordsPerSecond > 0 ? new RateLimiter(recordsPerSecond / context.parallelism()) : null;
    return new IndexRangeReader<>(limiter) {
      @Override
      protected T elementAt(long index) throws Exception {
        return generator.generate(index);
      }
    };
  }
}
