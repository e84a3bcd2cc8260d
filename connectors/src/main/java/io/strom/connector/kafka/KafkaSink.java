package io.strom.connector.kafka;

import static java.util.Objects.requireNonNull;

import io.strom.data.Row;
import io.strom.datastream.sink.PrecommittingSinkWriter;
import io.strom.datastream.sink.SinkWriter;
import io.strom.datastream.sink.TwoPhaseCommittingSink;
import java.util.List;

/**
 * Writes rows into a Kafka topic. With exactly-once the records of each checkpoint interval form
 * one transaction per writer, committed when the checkpoint completes.
 */
public final class KafkaSink implements TwoPhaseCommittingSink<Row, KafkaCommittable> {
  private static final long serialVersionUID = 1L;

  private final KafkaSinkSettings settings;
  private final KafkaRecordEncoder encoder;

  KafkaSink(KafkaSinkSettings settings, KafkaRecordEncoder encoder) {
    this.settings = requireNonNull(settings, "settings");
    this.encoder = requireNonNull(encoder, "encoder");
  }

  @Override
  public PrecommittingSinkWriter<Row, KafkaCommittable> createWriter(InitContext context) {
    return new KafkaSinkWriter(settings, encoder, context.subtaskIndex(), context.parallelism());
  }

  @Override
  public void commit(SinkWriter<Row> writer, List<KafkaCommittable> committables) {
    ((KafkaSinkWriter) writer).commit(committables);
  }

  /** Each subtask commits the transactions under its ids (see {@link KafkaRestoredTransactions}). */
  @Override
  public void commitRestored(
      SinkWriter<Row> writer, List<KafkaCommittable> restored, int subtask, int parallelism) {
    ((KafkaSinkWriter) writer).commitRestored(restored);
  }
}
