package io.strom.benchmarks.flink;

import static java.util.Objects.requireNonNull;

import io.strom.connector.nexmark.NexmarkConfig;
import io.strom.connector.nexmark.NexmarkGenerator;
import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.table.data.RowData;

/**
 * A Flink source of Strom's Nexmark events: the same generator, configuration and split of event
 * numbers over the readers as Strom's {@code nexmark} connector, so both engines read identical
 * events at any parallelism.
 */
final class NexmarkFlinkSource
    implements Source<RowData, NexmarkFlinkSplit, List<NexmarkFlinkSplit>> {
  private static final long serialVersionUID = 1L;

  private final NexmarkConfig config;

  NexmarkFlinkSource(NexmarkConfig config) {
    this.config = requireNonNull(config, "config");
  }

  @Override
  public Boundedness getBoundedness() {
    return config.isBounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SourceReader<RowData, NexmarkFlinkSplit> createReader(SourceReaderContext context) {
    return new NexmarkFlinkSourceReader(new NexmarkGenerator(config));
  }

  @Override
  public SplitEnumerator<NexmarkFlinkSplit, List<NexmarkFlinkSplit>> createEnumerator(
      SplitEnumeratorContext<NexmarkFlinkSplit> context) {
    long end = config.isBounded() ? config.eventCount() : Long.MAX_VALUE;
    return new NexmarkFlinkSplitEnumerator(
        context, NexmarkFlinkSplit.cut(end, context.currentParallelism()));
  }

  @Override
  public SplitEnumerator<NexmarkFlinkSplit, List<NexmarkFlinkSplit>> restoreEnumerator(
      SplitEnumeratorContext<NexmarkFlinkSplit> context, List<NexmarkFlinkSplit> checkpoint) {
    return new NexmarkFlinkSplitEnumerator(context, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<NexmarkFlinkSplit> getSplitSerializer() {
    return new NexmarkFlinkSplitSerializer.OfSplit();
  }

  @Override
  public SimpleVersionedSerializer<List<NexmarkFlinkSplit>> getEnumeratorCheckpointSerializer() {
    return new NexmarkFlinkSplitSerializer.OfList();
  }
}
