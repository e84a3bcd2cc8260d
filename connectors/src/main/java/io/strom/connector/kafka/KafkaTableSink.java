package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.connector.ChangelogMode;
import io.strom.connector.TableSink;
import io.strom.data.Row;
import io.strom.data.RowKind;
import io.strom.datastream.sink.Sink;

/** The planner's view of a Kafka sink: an append-only topic written with the table's formats. */
final class KafkaTableSink implements TableSink {
  private final KafkaSinkSettings settings;
  private final KafkaRecordEncoder encoder;
  private final String format;
  private final Integer parallelism;

  KafkaTableSink(
      KafkaSinkSettings settings, KafkaRecordEncoder encoder, String format, Integer parallelism) {
    this.settings = requireNonNull(settings, "settings");
    this.encoder = requireNonNull(encoder, "encoder");
    this.format = requireNonNull(format, "format");
    this.parallelism = parallelism;
  }

  @Override
  public ChangelogMode changelogMode(ChangelogMode requested) {
    return ChangelogMode.of(RowKind.INSERT);
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
    return "kafka(topic=" + settings.topic() + ", format=" + format
        + ", sink.delivery-guarantee=" + settings.guarantee() + ")";
  }

  @Override
  public KafkaTableSink copy() {
    return new KafkaTableSink(settings, encoder, format, parallelism);
  }
}
