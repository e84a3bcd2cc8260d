package io.strom.connector.nexmark;

import static java.util.Objects.requireNonNull;

import io.strom.data.Row;
import io.strom.runtime.source.Boundedness;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import io.strom.runtime.source.lib.FixedSplitsEnumerator;
import java.util.List;

/**
 * The runtime source of the {@code nexmark} table: Nexmark's events as rows, split by event number
 * across the parallel readers, bounded by {@code events.num} or endless.
 */
public final class NexmarkSource implements Source<Row, NexmarkSplit> {
  private static final long serialVersionUID = 1L;

  private final NexmarkConfig config;
  private final boolean maxEmitSpeed;
  private final EventKindFilter kinds;
  private final NexmarkFields fields;

  /**
   * @param maxEmitSpeed true to emit as fast as possible, false to pace emission to the event rate
   */
  public NexmarkSource(NexmarkConfig config, boolean maxEmitSpeed) {
    this(config, maxEmitSpeed, EventKindFilter.ALL, NexmarkFields.ALL);
  }

  /** A source of only the events of these kinds, with only these fields built. */
  NexmarkSource(
      NexmarkConfig config, boolean maxEmitSpeed, EventKindFilter kinds, NexmarkFields fields) {
    this.config = requireNonNull(config, "config");
    this.maxEmitSpeed = maxEmitSpeed;
    this.kinds = requireNonNull(kinds, "kinds");
    this.fields = requireNonNull(fields, "fields");
  }

  @Override
  public Boundedness boundedness() {
    return config.isBounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SplitEnumerator<NexmarkSplit> createEnumerator(
      SplitEnumeratorContext<NexmarkSplit> context) {
    long end = config.isBounded() ? config.eventCount() : Long.MAX_VALUE;
    return new FixedSplitsEnumerator<>(
        context, NexmarkSplit.interleaved(end, context.parallelism()));
  }

  @Override
  public SplitEnumerator<NexmarkSplit> restoreEnumerator(
      SplitEnumeratorContext<NexmarkSplit> context, List<NexmarkSplit> unassignedSplits) {
    return new FixedSplitsEnumerator<>(context, unassignedSplits);
  }

  @Override
  public SourceReader<Row, NexmarkSplit> createReader(SourceReaderContext context) {
    EmissionPacer pacer = maxEmitSpeed
        ? null
        : new EmissionPacer((double) config.eventsPerSecond() / context.parallelism());
    return new NexmarkSourceReader(new NexmarkGenerator(config, fields), pacer, kinds);
  }
}
