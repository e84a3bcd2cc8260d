package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ChangelogMode;
import io.strom.connector.SupportsWritingMetadata;
import io.strom.connector.TableSink;
import io.strom.data.Row;
import io.strom.datastream.sink.Sink;

/**
 * The planner's view of a Kafka sink: a topic written with the table's formats; append-only unless
 * the value format encodes changes or the table is an upsert table.
 */
final class KafkaTableSink implements TableSink, SupportsWritingMetadata {
  private final String connector;
  private final KafkaSinkSettings settings;
  private KafkaRecordEncoder encoder;
  private final String format;
  private final Integer parallelism;

  /** @param connector the connector's identifier, for EXPLAIN */
  KafkaTableSink(
      String connector,
      KafkaSinkSettings settings,
      KafkaRecordEncoder encoder,
      String format,
      Integer parallelism) {
    this.connector = requireNonNull(connector, "connector");
    this.settings = requireNonNull(settings, "settings");
    this.encoder = requireNonNull(encoder, "encoder");
    this.format = requireNonNull(format, "format");
    this.parallelism = parallelism;
  }

  @Override
  public ChangelogMode changelogMode(ChangelogMode requested) {
    return encoder.changelogMode();
  }

  @Override
  public Sink<Row> createRuntimeSink() {
    return new KafkaSink(settings, encoder);
  }

  @Override
  public Integer parallelism() {
    return parallelism;
  }

  @Override
  public String summary() {
    return connector + "(topic=" + settings.topic() + ", format=" + format
        + ", sink.delivery-guarantee=" + settings.guarantee() + ")";
  }

  @Override
  public java.util.Map<String, io.strom.types.LogicalType> listWritableMetadata() {
    return KafkaRecordEncoder.WRITABLE_METADATA;
  }

  @Override
  public void applyWritableMetadata(java.util.List<String> keys) {
    encoder = encoder.withMetadata(keys);
  }

  @Override
  public KafkaTableSink copy() {
    return new KafkaTableSink(connector, settings, encoder, format, parallelism);
  }
}
