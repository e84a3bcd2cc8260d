package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.data.Row;
import io.strom.runtime.source.Boundedness;
import io.strom.runtime.source.Source;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import io.strom.runtime.source.SplitEnumerator;
import io.strom.runtime.source.SplitEnumeratorContext;
import io.strom.serde.TypeSerializer;
import java.util.List;

/**
 * Reads Kafka topics into table rows: one split per partition, spread over the parallel readers,
 * each with its own watermark; positions are kept in checkpoints. Bounded when the table sets a
 * {@code scan.bounded.mode}.
 */
public final class KafkaSource implements Source<Row, KafkaPartitionSplit> {
  private static final long serialVersionUID = 1L;

  private final KafkaSourceSettings settings;
  private final KafkaRecordDecoder decoder;

  KafkaSource(KafkaSourceSettings settings, KafkaRecordDecoder decoder) {
    this.settings = requireNonNull(settings, "settings");
    this.decoder = requireNonNull(decoder, "decoder");
  }

  @Override
  public Boundedness boundedness() {
    return settings.isBounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit> createEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> context) {
    return new KafkaSplitEnumerator(context, settings, null);
  }

  @Override
  public SplitEnumerator<KafkaPartitionSplit> restoreEnumerator(
      SplitEnumeratorContext<KafkaPartitionSplit> context, List<KafkaPartitionSplit> state) {
    return new KafkaSplitEnumerator(context, settings, state);
  }

  @Override
  public TypeSerializer<KafkaPartitionSplit> splitSerializer() {
    return new KafkaPartitionSplitSerializer();
  }

  @Override
  public SourceReader<Row, KafkaPartitionSplit> createReader(SourceReaderContext context) {
    return new KafkaSourceReader(
        context, settings.clientProperties(), decoder, settings.commitsOffsets());
  }
}
