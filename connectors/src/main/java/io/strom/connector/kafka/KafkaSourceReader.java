package io.strom.connector.kafka;

import io.strom.connector.DecoderContext;
import io.strom.data.Row;
import io.strom.runtime.source.InputStatus;
import io.strom.runtime.source.ReaderOutput;
import io.strom.runtime.source.SourceOutput;
import io.strom.runtime.source.SourceReader;
import io.strom.runtime.source.SourceReaderContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the partitions assigned to one subtask with a consumer of its own (by assignment, never
 * by group membership). Each partition is a split with its own watermark; a bounded split ends at
 * its stopping offset. A checkpoint holds each split's next offset; when the checkpoint completes,
 * those offsets are committed to the consumer group, if the table names one.
 *
 * <p>Called only on the task's thread.
 */
final class KafkaSourceReader implements SourceReader<Row, KafkaPartitionSplit> {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaSourceReader.class);
  /** How long one poll may wait for records; bounds how late a checkpoint barrier can start. */
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(50);
  private static final int BATCH = 500;

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaRecordDecoder decoder;
  private final boolean commitOffsets;
  private final Map<TopicPartition, SplitState> splits = new LinkedHashMap<>();
  /** Offsets to commit per checkpoint, until the checkpoint completes. */
  private final TreeMap<Long, Map<TopicPartition, OffsetAndMetadata>> pendingCommits = new TreeMap<>();
  private final List<Row> decoded = new ArrayList<>();
  private Iterator<ConsumerRecord<byte[], byte[]>> fetched = java.util.Collections.emptyIterator();
  private boolean noMoreSplits;
  private boolean assignmentChanged;

  /** A split being read: its next offset and its output. */
  private static final class SplitState {
    final KafkaPartitionSplit split;
    long nextOffset;
    SourceOutput<Row> output;

    SplitState(KafkaPartitionSplit split) {
      this.split = split;
      this.nextOffset = split.startingOffset();
    }
  }

  KafkaSourceReader(
      SourceReaderContext context,
      Map<String, String> clientProperties,
      KafkaRecordDecoder decoder,
      boolean commitOffsets) {
    this.consumer =
        KafkaClients.consumer(
            clientProperties,
            "source-" + context.subtaskIndex() + "-" + Integer.toHexString(System.identityHashCode(this)));
    this.decoder = decoder;
    this.commitOffsets = commitOffsets;
    decoder.open(new DecoderContext(context.metrics()));
  }

  @Override
  public InputStatus pollNext(ReaderOutput<Row> output) {
    if (assignmentChanged) {
      applyAssignment(output);
    }
    if (!fetched.hasNext()) {
      finishSplitsAtTheirEnd(output);
      if (splits.isEmpty()) {
        return noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
      }
      fetched = consumer.poll(POLL_TIMEOUT).iterator();
      return InputStatus.MORE_AVAILABLE;
    }
    for (int i = 0; i < BATCH && fetched.hasNext(); i++) {
      emit(fetched.next(), output);
    }
    return InputStatus.MORE_AVAILABLE;
  }

  private void emit(ConsumerRecord<byte[], byte[]> record, ReaderOutput<Row> output) {
    SplitState state = splits.get(new TopicPartition(record.topic(), record.partition()));
    if (state == null || record.offset() < state.nextOffset) {
      return; // the split ended, or the record precedes a seek
    }
    if (record.offset() >= state.split.stoppingOffset()) {
      finish(state, output);
      return;
    }
    decoded.clear();
    decoder.decode(record, decoded::add);
    for (int i = 0; i < decoded.size(); i++) {
      state.output.collect(decoded.get(i), record.timestamp());
    }
    state.nextOffset = record.offset() + 1;
    if (state.nextOffset >= state.split.stoppingOffset()) {
      finish(state, output);
    }
  }

  /**
   * Ends bounded splits whose consumer position passed the stopping offset without a record at
   * it, as happens after transaction markers or compaction.
   */
  private void finishSplitsAtTheirEnd(ReaderOutput<Row> output) {
    for (SplitState state : new ArrayList<>(splits.values())) {
      KafkaPartitionSplit split = state.split;
      if (split.isBounded()
          && (state.nextOffset >= split.stoppingOffset()
              || consumer.position(split.topicPartition()) >= split.stoppingOffset())) {
        finish(state, output);
      }
    }
  }

  private void finish(SplitState state, ReaderOutput<Row> output) {
    splits.remove(state.split.topicPartition());
    output.releaseSplit(state.split.splitId());
    assignmentChanged = true;
    applyAssignment(output);
  }

  /**
   * Points the consumer at the current splits. Every split gets its output (and so its watermark)
   * at once, so that a partition without records holds the watermark back until it is idle.
   */
  private void applyAssignment(ReaderOutput<Row> output) {
    assignmentChanged = false;
    consumer.assign(List.copyOf(splits.keySet()));
    for (SplitState state : splits.values()) {
      if (state.output == null) {
        state.output = output.forSplit(state.split.splitId());
        consumer.seek(state.split.topicPartition(), state.nextOffset);
      }
    }
  }

  @Override
  public void addSplits(List<KafkaPartitionSplit> newSplits) {
    for (KafkaPartitionSplit split : newSplits) {
      splits.put(split.topicPartition(), new SplitState(split));
    }
    assignmentChanged = true;
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
  }

  @Override
  public List<KafkaPartitionSplit> snapshotState(long checkpointId) {
    List<KafkaPartitionSplit> result = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (SplitState state : splits.values()) {
      result.add(state.split.withStartingOffset(state.nextOffset));
      offsets.put(state.split.topicPartition(), new OffsetAndMetadata(state.nextOffset));
    }
    if (commitOffsets && !offsets.isEmpty()) {
      pendingCommits.put(checkpointId, offsets);
    }
    return result;
  }

  @Override
  public void notifyCheckpointComplete(long checkpointId) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    // Checkpoints complete in order; a later one subsumes the earlier ones.
    var completed = pendingCommits.headMap(checkpointId, true);
    completed.values().forEach(offsets::putAll);
    completed.clear();
    if (!offsets.isEmpty()) {
      consumer.commitAsync(offsets, (committed, error) -> {
        if (error != null) {
          LOG.warn("Could not commit offsets {} of checkpoint {}: {}", committed, checkpointId,
              error.toString());
        }
      });
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
