package io.strom.runtime.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.runtime.checkpoint.CheckpointBarrier;
import io.strom.runtime.graph.Partitioners;
import io.strom.runtime.network.ChannelTarget;
import io.strom.runtime.network.InputGate;
import io.strom.runtime.network.NetworkBufferPool;
import io.strom.runtime.network.PartitionBufferPool;
import io.strom.runtime.network.RecordWriter;
import io.strom.runtime.time.ProcessingTimeService.ProcessingTimeCallback;
import io.strom.serde.BasicSerializers;
import io.strom.serde.TypeSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Barriers of unaligned checkpoints, driven through real writers and gates: they overtake queued
 * buffers, the snapshot is taken at the first one, and exactly the records between each channel's
 * read position and its barrier become the checkpoint's in-flight data.
 */
class UnalignedBarrierTest {
  private final NetworkBufferPool network = new NetworkBufferPool(64, 1024);
  private final List<Long> records = new ArrayList<>();
  private final List<List<Long>> recordsAtSnapshot = new ArrayList<>();
  private final Map<Long, InFlightData> inFlight = new HashMap<>();
  private final List<Long> abandoned = new ArrayList<>();

  private RecordWriter<Long> writerTo(InputGate gate, int channel) {
    return new RecordWriter<>(
        BasicSerializers.LONG,
        Partitioners.forward(),
        new ChannelTarget[] {new ChannelTarget(gate, channel)},
        new PartitionBufferPool(network, 8, "test writer " + channel),
        true);
  }

  // The clock and the timers of an aligned-checkpoint-timeout.
  private long now;
  private final List<Long> timerDelays = new ArrayList<>();
  private final List<ProcessingTimeCallback> timers = new ArrayList<>();

  private BarrierAligner aligner(List<InputGate> gates) {
    return aligner(gates, null);
  }

  /** An aligner whose checkpoints turn unaligned once older than {@code timeoutMillis}. */
  private BarrierAligner alignerWithTimeout(List<InputGate> gates, long timeoutMillis) {
    return aligner(
        gates,
        new BarrierAligner.AlignmentTimeout(
            timeoutMillis,
            () -> now,
            (delay, callback) -> {
              timerDelays.add(delay);
              timers.add(callback);
            }));
  }

  private BarrierAligner aligner(
      List<InputGate> gates, BarrierAligner.AlignmentTimeout alignmentTimeout) {
    return new BarrierAligner(
        true,
        alignmentTimeout,
        gates,
        new BarrierAligner.Listener() {
          @Override
          public void onBarrierAligned(CheckpointBarrier barrier) {
            throw new AssertionError("an unaligned checkpoint never aligns");
          }

          @Override
          public void onUnalignedBarrier(CheckpointBarrier barrier) {
            recordsAtSnapshot.add(List.copyOf(records));
          }

          @Override
          public void onInFlightData(long checkpointId, InFlightData data) {
            inFlight.put(checkpointId, data);
          }

          @Override
          public void onInFlightAbandoned(long checkpointId) {
            abandoned.add(checkpointId);
          }
        });
  }

  @SuppressWarnings("unchecked")
  private GateReader<Long> reader(
      InputGate gate, BarrierAligner barriers, int offset, int input, List<Long> sink) {
    TypeSerializer<Long>[] serializers = new TypeSerializer[gate.numChannels()];
    Arrays.fill(serializers, BasicSerializers.LONG);
    int[] edges = new int[gate.numChannels()];
    return new GateReader<>(
        gate,
        serializers,
        new GateReader.Handler<>() {
          @Override
          public void processElement(Long record, long timestamp) {
            sink.add(record);
          }

          @Override
          public void onWatermark(long watermark) {}

          @Override
          public void onStatus(boolean idle) {}
        },
        barriers,
        offset,
        input,
        edges);
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

  /** The records of one input's in-flight data, replayed the way a restored task does. */
  private static List<Long> replayed(InFlightData data, int input) throws Exception {
    List<Long> out = new ArrayList<>();
    InputGate scratch = new InputGate(1);
    UnalignedBarrierTest test = new UnalignedBarrierTest();
    GateReader<Long> reader =
        test.reader(scratch, test.aligner(List.of(scratch)), 0, input, out);
    @SuppressWarnings("unchecked")
    TypeSerializer<Long>[] serializers = new TypeSerializer[] {BasicSerializers.LONG};
    InFlightReplay.replay(
        data.listStates().getOrDefault(InFlightData.stateName(input), List.of()),
        reader, serializers, new int[] {0});
    return out;
  }

  @Test
  void barrierOvertakesQueuedDataWhichBecomesInFlightDataUpToEachChannelsBarrier()
      throws Exception {
    InputGate gate = new InputGate(2);
    RecordWriter<Long> first = writerTo(gate, 0);
    RecordWriter<Long> second = writerTo(gate, 1);
    GateReader<Long> reader = reader(gate, aligner(List.of(gate)), 0, 0, records);

    first.emit(1L, Long.MIN_VALUE);
    second.emit(10L, Long.MIN_VALUE);
    reader.readBuffer();
    reader.readBuffer();
    first.emit(2L, Long.MIN_VALUE);
    first.emit(3L, Long.MIN_VALUE);
    first.broadcastBarrier(new CheckpointBarrier(1, 100), true);
    first.emit(4L, Long.MIN_VALUE);
    second.emit(11L, Long.MIN_VALUE);

    // The barrier comes first although two buffers of its channel are queued ahead of it.
    assertThat(reader.readBuffer()).isTrue();
    assertThat(recordsAtSnapshot).containsExactly(List.of(1L, 10L));
    assertThat(inFlight).isEmpty();

    second.emit(12L, Long.MIN_VALUE);
    second.broadcastBarrier(new CheckpointBarrier(1, 100), true);
    second.emit(13L, Long.MIN_VALUE);
    readAll(reader);

    assertThat(records).containsExactlyInAnyOrder(1L, 10L, 2L, 3L, 4L, 11L, 12L, 13L);
    assertThat(inFlight).containsOnlyKeys(1L);
    assertThat(replayed(inFlight.get(1L), 0)).containsExactlyInAnyOrder(2L, 3L, 11L, 12L);
    assertThat(gate.isBlocked(0)).isFalse();
  }

  @Test
  void snapshotsWhileOutputIsFullAndCompletesWithoutReadingTheBacklog() throws Exception {
    InputGate gate = new InputGate(1);
    RecordWriter<Long> writer = writerTo(gate, 0);
    GateReader<Long> reader = reader(gate, aligner(List.of(gate)), 0, 0, records);
    for (long i = 0; i < 8; i++) {
      writer.emit(i, Long.MIN_VALUE);
    }
    assertThat(writer.pool().isAvailable()).isFalse();

    writer.broadcastBarrier(new CheckpointBarrier(5, 100), true);
    assertThat(reader.readPriorityEvent()).isTrue();

    assertThat(records).isEmpty();
    assertThat(recordsAtSnapshot).containsExactly(List.of());
    assertThat(replayed(inFlight.get(5L), 0)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  void twoInputTaskCapturesBothGatesFromTheFirstBarrierOn() throws Exception {
    InputGate left = new InputGate(1);
    InputGate right = new InputGate(1);
    RecordWriter<Long> leftWriter = writerTo(left, 0);
    RecordWriter<Long> rightWriter = writerTo(right, 0);
    BarrierAligner barriers = aligner(List.of(left, right));
    List<Long> rightRecords = new ArrayList<>();
    GateReader<Long> leftReader = reader(left, barriers, 0, 0, records);
    GateReader<Long> rightReader = reader(right, barriers, 1, 1, rightRecords);

    leftWriter.emit(1L, Long.MIN_VALUE);
    rightWriter.emit(10L, Long.MIN_VALUE);
    leftWriter.broadcastBarrier(new CheckpointBarrier(3, 100), true);
    leftWriter.emit(2L, Long.MIN_VALUE);
    leftReader.readBuffer();
    rightWriter.emit(11L, Long.MIN_VALUE);
    rightWriter.broadcastBarrier(new CheckpointBarrier(3, 100), true);
    rightWriter.emit(12L, Long.MIN_VALUE);
    readAll(leftReader, rightReader);

    assertThat(recordsAtSnapshot).containsExactly(List.of());
    assertThat(records).containsExactly(1L, 2L);
    assertThat(rightRecords).containsExactly(10L, 11L, 12L);
    assertThat(replayed(inFlight.get(3L), 0)).containsExactly(1L);
    assertThat(replayed(inFlight.get(3L), 1)).containsExactly(10L, 11L);
  }

  @Test
  void newerCheckpointAbandonsTheCaptureOfAnOlderOne() throws Exception {
    InputGate gate = new InputGate(2);
    RecordWriter<Long> first = writerTo(gate, 0);
    RecordWriter<Long> second = writerTo(gate, 1);
    GateReader<Long> reader = reader(gate, aligner(List.of(gate)), 0, 0, records);

    first.broadcastBarrier(new CheckpointBarrier(1, 100), true);
    first.emit(1L, Long.MIN_VALUE);
    readAll(reader);
    second.emit(10L, Long.MIN_VALUE);
    second.broadcastBarrier(new CheckpointBarrier(2, 200), true);
    first.broadcastBarrier(new CheckpointBarrier(2, 200), true);
    readAll(reader);

    assertThat(abandoned).containsExactly(1L);
    assertThat(inFlight).containsOnlyKeys(2L);
    assertThat(replayed(inFlight.get(2L), 0)).containsExactly(10L);
  }

  @Test
  void alignedCheckpointTurnsUnalignedWhenItsTimeoutPasses() throws Exception {
    InputGate gate = new InputGate(2);
    RecordWriter<Long> first = writerTo(gate, 0);
    RecordWriter<Long> second = writerTo(gate, 1);
    GateReader<Long> reader = reader(gate, alignerWithTimeout(List.of(gate), 50), 0, 0, records);
    now = 120;

    second.emit(10L, Long.MIN_VALUE);
    first.emit(1L, Long.MIN_VALUE);
    first.broadcastBarrier(new CheckpointBarrier(1, 100), false);
    first.emit(2L, Long.MIN_VALUE);
    readAll(reader);

    // Aligning: the first channel waits behind its barrier until the checkpoint is 50 ms old.
    assertThat(records).containsExactly(10L, 1L);
    assertThat(gate.isBlocked(0)).isTrue();
    assertThat(timerDelays).containsExactly(30L);
    assertThat(recordsAtSnapshot).isEmpty();

    second.emit(11L, Long.MIN_VALUE);
    timers.get(0).onProcessingTime(150);

    assertThat(recordsAtSnapshot).containsExactly(List.of(10L, 1L));
    assertThat(gate.isBlocked(0)).isFalse();
    second.emit(12L, Long.MIN_VALUE);
    second.broadcastBarrier(new CheckpointBarrier(1, 100), false);
    second.emit(13L, Long.MIN_VALUE);
    readAll(reader);

    assertThat(records).containsExactlyInAnyOrder(10L, 1L, 2L, 11L, 12L, 13L);
    assertThat(replayed(inFlight.get(1L), 0)).containsExactly(11L, 12L);
  }

  @Test
  void checkpointOlderThanTheTimeoutTurnsUnalignedAtItsFirstBarrier() throws Exception {
    InputGate gate = new InputGate(2);
    RecordWriter<Long> first = writerTo(gate, 0);
    RecordWriter<Long> second = writerTo(gate, 1);
    GateReader<Long> reader = reader(gate, alignerWithTimeout(List.of(gate), 50), 0, 0, records);
    now = 1_000;

    first.broadcastBarrier(new CheckpointBarrier(1, 100), false);
    second.emit(10L, Long.MIN_VALUE);
    second.broadcastBarrier(new CheckpointBarrier(1, 100), false);
    second.emit(11L, Long.MIN_VALUE);
    assertThat(reader.readBuffer()).isTrue();

    // Snapshot at once; the second channel's data up to its queued barrier is in flight.
    assertThat(recordsAtSnapshot).containsExactly(List.of());
    assertThat(timerDelays).isEmpty();
    readAll(reader);
    assertThat(records).containsExactly(10L, 11L);
    assertThat(replayed(inFlight.get(1L), 0)).containsExactly(10L);
  }

  @Test
  void priorityBarrierTurnsAnAlignmentUnaligned() throws Exception {
    InputGate gate = new InputGate(2);
    RecordWriter<Long> first = writerTo(gate, 0);
    RecordWriter<Long> second = writerTo(gate, 1);
    GateReader<Long> reader = reader(gate, alignerWithTimeout(List.of(gate), 50), 0, 0, records);
    now = 100;

    first.broadcastBarrier(new CheckpointBarrier(1, 100), false);
    first.emit(1L, Long.MIN_VALUE);
    readAll(reader);
    assertThat(gate.isBlocked(0)).isTrue();

    // An upstream task of the second channel turned the checkpoint unaligned.
    second.emit(10L, Long.MIN_VALUE);
    second.emit(11L, Long.MIN_VALUE);
    second.broadcastBarrier(new CheckpointBarrier(1, 100), true);
    second.emit(12L, Long.MIN_VALUE);
    readAll(reader);

    assertThat(recordsAtSnapshot).containsExactly(List.of());
    assertThat(records).containsExactlyInAnyOrder(1L, 10L, 11L, 12L);
    assertThat(replayed(inFlight.get(1L), 0)).containsExactly(10L, 11L);
    // The timer of the alignment finds the checkpoint done.
    timers.get(0).onProcessingTime(150);
    assertThat(recordsAtSnapshot).hasSize(1);
  }
}
