package io.strom.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.runtime.checkpoint.CheckpointBarrier;
import io.strom.runtime.graph.Partitioners;
import io.strom.runtime.network.ChannelTarget;
import io.strom.runtime.network.InputGate;
import io.strom.runtime.network.NetworkBufferPool;
import io.strom.runtime.network.PartitionBufferPool;
import io.strom.runtime.network.RecordWriter;
import io.strom.serde.BasicSerializers;
import io.strom.serde.TypeSerializer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Barrier alignment of a task's input channels, driven through real writers and gates. */
class GateReaderBarrierAlignmentTest {
  private final NetworkBufferPool network = new NetworkBufferPool(64, 1024);
  private final List<Long> records = new ArrayList<>();
  private final List<Long> aligned = new ArrayList<>();
  private final List<List<Long>> recordsAtSnapshot = new ArrayList<>();

  private RecordWriter<Long> writerTo(InputGate gate, int channel) {
    return new RecordWriter<>(
        BasicSerializers.LONG,
        Partitioners.forward(),
        new ChannelTarget[] {new ChannelTarget(gate, channel)},
        new PartitionBufferPool(network, 4, "test writer " + channel),
        true);
  }

  // Two channels of one gate, each with its writer, and the gate's reader: see twoChannels.
  private InputGate gate;
  private RecordWriter<Long> first;
  private RecordWriter<Long> second;
  private GateReader<Long> reader;

  private void twoChannels(boolean aligning) {
    gate = new InputGate(2);
    first = writerTo(gate, 0);
    second = writerTo(gate, 1);
    reader = reader(gate, aligner(aligning, List.of(gate)), 0);
  }

  private BarrierAligner aligner(boolean aligning, List<InputGate> gates) {
    return new BarrierAligner(
        aligning,
        gates,
        barrier -> {
          aligned.add(barrier.checkpointId());
          recordsAtSnapshot.add(List.copyOf(records));
        });
  }

  @SuppressWarnings("unchecked")
  private GateReader<Long> reader(InputGate gate, BarrierAligner barriers, int offset) {
    TypeSerializer<Long>[] serializers = new TypeSerializer[gate.numChannels()];
    java.util.Arrays.fill(serializers, BasicSerializers.LONG);
    return new GateReader<>(
        gate,
        serializers,
        new GateReader.Handler<>() {
          @Override
          public void processElement(Long record, long timestamp) {
            records.add(record);
          }

          @Override
          public void onWatermark(long watermark) {}

          @Override
          public void onStatus(boolean idle) {}
        },
        barriers,
        offset);
  }

  private static void readAll(GateReader<?>... readers) throws Exception {
    boolean any = true;
    while (any) {
      any = false;
      for (GateReader<?> r : readers) {
        any |= r.readBuffer();
      }
    }
  }

  @Test
  void holdsBackBuffersOfAnAlignedChannelUntilEveryChannelDeliveredTheBarrier() throws Exception {
    twoChannels(true);

    first.emit(1L, Long.MIN_VALUE);
    first.broadcastBarrier(1, 100);
    first.emit(2L, Long.MIN_VALUE);
    first.emit(3L, Long.MIN_VALUE);
    second.emit(10L, Long.MIN_VALUE);
    readAll(reader);

    assertThat(records).containsExactlyInAnyOrder(1L, 10L);
    assertThat(gate.isBlocked(0)).isTrue();
    assertThat(gate.queuedBuffers()).isEqualTo(2);
    assertThat(aligned).isEmpty();

    second.broadcastBarrier(1, 100);
    second.emit(11L, Long.MIN_VALUE);
    readAll(reader);

    assertThat(aligned).containsExactly(1L);
    assertThat(recordsAtSnapshot.get(0)).containsExactlyInAnyOrder(1L, 10L);
    assertThat(records).containsExactlyInAnyOrder(1L, 10L, 2L, 3L, 11L);
    assertThat(records.subList(2, 5)).containsSubsequence(2L, 3L);
    assertThat(gate.isBlocked(0)).isFalse();
  }

  @Test
  void atLeastOnceNeverBlocksAndSnapshotsWhenTheLastBarrierArrives() throws Exception {
    twoChannels(false);

    first.emit(1L, Long.MIN_VALUE);
    first.broadcastBarrier(1, 100);
    first.emit(2L, Long.MIN_VALUE);
    second.emit(10L, Long.MIN_VALUE);
    readAll(reader);

    assertThat(records).containsExactlyInAnyOrder(1L, 2L, 10L);
    assertThat(gate.isBlocked(0)).isFalse();
    assertThat(aligned).isEmpty();

    second.broadcastBarrier(1, 100);
    readAll(reader);
    assertThat(aligned).containsExactly(1L);
  }

  @Test
  void atLeastOnceCountsCheckpointsInFlightApart() throws Exception {
    twoChannels(false);

    // The first channel is a checkpoint ahead: barrier 2 arrives before the second's 1.
    first.emit(1L, Long.MIN_VALUE);
    first.broadcastBarrier(1, 100);
    first.emit(2L, Long.MIN_VALUE);
    first.broadcastBarrier(2, 200);
    first.emit(3L, Long.MIN_VALUE);
    readAll(reader);
    assertThat(aligned).isEmpty();

    second.emit(10L, Long.MIN_VALUE);
    second.broadcastBarrier(1, 100);
    readAll(reader);
    assertThat(aligned).containsExactly(1L);
    assertThat(recordsAtSnapshot.get(0)).containsExactlyInAnyOrder(1L, 2L, 3L, 10L);

    second.emit(11L, Long.MIN_VALUE);
    second.broadcastBarrier(2, 200);
    readAll(reader);
    assertThat(aligned).containsExactly(1L, 2L);
    assertThat(recordsAtSnapshot.get(1)).containsExactlyInAnyOrder(1L, 2L, 3L, 10L, 11L);
    assertThat(gate.isBlocked(0)).isFalse();
  }

  @Test
  void atLeastOnceDropsAnOlderCheckpointOnceANewerOneIsTaken() throws Exception {
    twoChannels(false);

    // Checkpoint 1 was aborted upstream of the second channel: its barrier never comes there.
    first.broadcastBarrier(1, 100);
    first.broadcastBarrier(2, 200);
    second.broadcastBarrier(2, 200);
    readAll(reader);
    assertThat(aligned).containsExactly(2L);

    first.broadcastBarrier(3, 300);
    second.finish();
    readAll(reader);
    assertThat(aligned).containsExactly(2L, 3L);
  }

  @Test
  void atLeastOnceFinishedChannelCompletesEveryCheckpointInFlight() throws Exception {
    twoChannels(false);

    first.broadcastBarrier(4, 100);
    first.broadcastBarrier(5, 200);
    readAll(reader);
    assertThat(aligned).isEmpty();

    second.finish();
    readAll(reader);
    assertThat(aligned).containsExactly(4L, 5L);
  }

  @Test
  void finishedChannelCountsAsAligned() throws Exception {
    twoChannels(true);

    first.broadcastBarrier(7, 100);
    first.emit(1L, Long.MIN_VALUE);
    readAll(reader);
    assertThat(aligned).isEmpty();

    second.emit(10L, Long.MIN_VALUE);
    second.finish();
    readAll(reader);

    assertThat(aligned).containsExactly(7L);
    assertThat(recordsAtSnapshot.get(0)).containsExactly(10L);
    assertThat(records).containsExactly(10L, 1L);
  }

  @Test
  void barrierOfANewerCheckpointAbandonsAnUnfinishedAlignment() throws Exception {
    twoChannels(true);

    first.broadcastBarrier(1, 100);
    first.emit(1L, Long.MIN_VALUE);
    second.broadcastBarrier(2, 200);
    second.emit(10L, Long.MIN_VALUE);
    readAll(reader);
    assertThat(aligned).isEmpty();

    first.broadcastBarrier(2, 200);
    readAll(reader);

    assertThat(aligned).containsExactly(2L);
    assertThat(recordsAtSnapshot.get(0)).containsExactly(1L);
    assertThat(records).containsExactly(1L, 10L);
  }

  @Test
  void twoInputTaskAlignsAcrossBothGates() throws Exception {
    InputGate left = new InputGate(1);
    InputGate right = new InputGate(1);
    RecordWriter<Long> leftWriter = writerTo(left, 0);
    RecordWriter<Long> rightWriter = writerTo(right, 0);
    BarrierAligner barriers = aligner(true, List.of(left, right));
    GateReader<Long> leftReader = reader(left, barriers, 0);
    GateReader<Long> rightReader = reader(right, barriers, 1);

    leftWriter.emit(1L, Long.MIN_VALUE);
    leftWriter.broadcastBarrier(3, 100);
    leftWriter.emit(2L, Long.MIN_VALUE);
    rightWriter.emit(10L, Long.MIN_VALUE);
    readAll(leftReader, rightReader);
    assertThat(records).containsExactlyInAnyOrder(1L, 10L);
    assertThat(left.isBlocked(0)).isTrue();

    rightWriter.broadcastBarrier(3, 100);
    rightWriter.emit(11L, Long.MIN_VALUE);
    readAll(leftReader, rightReader);

    assertThat(aligned).containsExactly(3L);
    assertThat(recordsAtSnapshot.get(0)).containsExactlyInAnyOrder(1L, 10L);
    assertThat(records).containsExactlyInAnyOrder(1L, 10L, 2L, 11L);
  }

  @Test
  void barrierNeverWaitsForAPooledBuffer() throws Exception {
    InputGate gate = new InputGate(1);
    RecordWriter<Long> writer = writerTo(gate, 0);
    // Every pooled buffer of the writer is in flight at the (not reading) consumer.
    for (long i = 0; i < 4; i++) {
      writer.emit(i, Long.MIN_VALUE);
    }
    assertThat(writer.pool().isAvailable()).isFalse();

    writer.broadcastBarrier(1, 100);

    assertThat(gate.queuedBuffers()).isEqualTo(5);
  }
}
