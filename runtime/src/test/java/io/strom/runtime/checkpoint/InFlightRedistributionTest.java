package io.strom.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.strom.datastream.DataStream;
import io.strom.datastream.StreamExecutionEnvironment;
import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.network.ElementKind;
import io.strom.runtime.state.KeyGroups;
import io.strom.serde.BasicSerializers;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Which records in flight to a rescaled task each new subtask restores: per key group for a hash
 * exchange, one copy per new subtask for broadcast, whole channels for rebalance; in their order
 * per old channel, and for every exchange each record exactly as often as the exchange delivers
 * it.
 */
class InFlightRedistributionTest {
  private static final String STATE = StateAssignment.IN_FLIGHT_STATE_PREFIX + "0";

  /** A job whose "Map" task at {@code parallelism} reads numbers over {@code exchange}. */
  private static Job job(UnaryOperator<DataStream<Long>> exchange, int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    exchange.apply(env.fromSequence(0, 100)).map(x -> x).setParallelism(parallelism)
        .addSink(x -> {});
    JobGraph graph = env.getJobGraph("in-flight");
    JobVertex map = graph.vertices().stream()
        .filter(v -> v.head().name().equals("Map"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Map task"));
    return new Job(graph, map);
  }

  private record Job(JobGraph graph, JobVertex map) {
    /** What each subtask restores of in-flight data, per old subtask one list per channel. */
    List<List<List<Long>>> restore(List<List<List<Long>>> inFlightPerOldSubtask)
        throws IOException {
      String key = OperatorKeys.of(map.head());
      Map<Integer, OperatorSubtaskState> subtasks = new HashMap<>();
      for (int old = 0; old < inFlightPerOldSubtask.size(); old++) {
        List<byte[]> elements = new ArrayList<>();
        for (List<Long> channel : inFlightPerOldSubtask.get(old)) {
          elements.add(element(channel));
        }
        subtasks.put(old, new OperatorSubtaskState(key, null, Map.of(STATE, elements)));
      }
      OperatorState state =
          new OperatorState(key, inFlightPerOldSubtask.size(), subtasks, null);
      CompletedCheckpoint checkpoint = new CompletedCheckpoint(
          "job", 1, 0, Path.of("chk-1"), graph.maxParallelism(), Map.of(key, state));
      List<List<List<Long>>> restored = new ArrayList<>();
      for (int s = 0; s < map.parallelism(); s++) {
        List<List<Long>> channels = new ArrayList<>();
        TaskRestore restore =
            StateAssignment.forSubtask(checkpoint, map, s, graph.maxParallelism());
        for (byte[] element : restore.operator(key).listStates().getOrDefault(STATE, List.of())) {
          channels.add(records(element));
        }
        restored.add(channels);
      }
      return restored;
    }
  }

  /** An element of in-flight data from edge 0: a watermark, then the numbers. */
  private static byte[] element(List<Long> numbers) throws IOException {
    DataOutputSerializer frames = new DataOutputSerializer(64);
    frames.writeInt(9);
    frames.writeByte(ElementKind.WATERMARK);
    frames.writeLong(5);
    for (long n : numbers) {
      frames.writeInt(9);
      frames.writeByte(ElementKind.RECORD);
      BasicSerializers.LONG.serialize(n, frames);
    }
    return InFlightElements.encode(0, frames.buffer(), 0, frames.length());
  }

  private static List<Long> records(byte[] element) throws IOException {
    assertThat(InFlightElements.edgeOf(element)).isZero();
    DataInputDeserializer in = new DataInputDeserializer(element);
    in.readInt();
    List<Long> numbers = new ArrayList<>();
    while (in.available() > 0) {
      int length = in.readInt();
      byte kind = in.readByte();
      if (kind == ElementKind.RECORD) {
        numbers.add(BasicSerializers.LONG.deserialize(in));
      } else {
        in.skipBytes(length - 1);
      }
    }
    return numbers;
  }

  @Test
  void hashExchangeSendsEachRecordToTheOwnerOfItsKeyGroupInOrder() throws IOException {
    Job job = job(s -> s.keyBy(x -> x), 3);
    List<List<List<Long>>> inFlight = List.of(
        List.of(List.of(1L, 2L, 3L, 4L, 5L), List.of(60L, 61L, 62L)),
        List.of(List.of(7L, 8L, 9L, 10L, 11L, 12L)));

    List<List<List<Long>>> restored = job.restore(inFlight);

    int maxParallelism = job.graph().maxParallelism();
    for (int s = 0; s < 3; s++) {
      List<List<Long>> expected = new ArrayList<>();
      for (List<List<Long>> old : inFlight) {
        for (List<Long> channel : old) {
          int subtask = s;
          List<Long> mine = channel.stream()
              .filter(x -> KeyGroups.subtaskOf(
                  KeyGroups.keyGroupOf(x, maxParallelism), maxParallelism, 3) == subtask)
              .toList();
          if (!mine.isEmpty()) {
            expected.add(mine);
          }
        }
      }
      assertThat(restored.get(s)).as("subtask %d", s).isEqualTo(expected);
    }
    assertThat(restored.stream().flatMap(List::stream).flatMap(List::stream).sorted())
        .containsExactly(1L, 2L, 3L, 4L, 5L, 7L, 8L, 9L, 10L, 11L, 12L, 60L, 61L, 62L);
  }

  @Test
  void hashExchangeMergesEveryOldSubtaskIntoOne() throws IOException {
    Job job = job(s -> s.keyBy(x -> x), 1);

    List<List<List<Long>>> restored = job.restore(List.of(
        List.of(List.of(1L, 2L), List.of(3L)), List.of(List.of(4L)), List.of()));

    assertThat(restored).containsExactly(
        List.of(List.of(1L, 2L), List.of(3L), List.of(4L)));
  }

  @Test
  void broadcastGivesEveryNewSubtaskTheCopyOfOneOldSubtask() throws IOException {
    Job job = job(DataStream::broadcast, 3);

    // Old subtask 1 had read further than old subtask 0.
    List<List<List<Long>>> restored = job.restore(List.of(
        List.of(List.of(1L, 2L, 3L), List.of(10L)), List.of(List.of(3L))));

    List<List<Long>> first = List.of(List.of(1L, 2L, 3L), List.of(10L));
    assertThat(restored).containsExactly(first, List.of(List.of(3L)), first);
  }

  @Test
  void broadcastAtLowerParallelismKeepsOneCopy() throws IOException {
    Job job = job(DataStream::broadcast, 1);

    List<List<List<Long>>> restored =
        job.restore(List.of(List.of(List.of(1L, 2L)), List.of(List.of(2L))));

    assertThat(restored).containsExactly(List.of(List.of(1L, 2L)));
  }

  @Test
  void rebalanceMovesWholeChannelsRoundRobin() throws IOException {
    Job job = job(DataStream::rebalance, 2);

    List<List<List<Long>>> restored = job.restore(List.of(
        List.of(List.of(1L, 2L)), List.of(List.of(3L), List.of(4L)), List.of(List.of(5L))));

    assertThat(restored).containsExactly(
        List.of(List.of(1L, 2L), List.of(5L)), List.of(List.of(3L), List.of(4L)));
  }
}
