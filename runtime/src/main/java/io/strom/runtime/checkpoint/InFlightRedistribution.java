package io.strom.runtime.checkpoint;

import io.strom.runtime.graph.JobEdge;
import io.strom.runtime.graph.JobVertex;
import io.strom.runtime.graph.StreamPartitioner;
import io.strom.runtime.network.ElementKind;
import io.strom.runtime.network.ExchangeRegistry;
import io.strom.serde.DataInputDeserializer;
import io.strom.serde.DataOutputSerializer;
import io.strom.serde.TypeSerializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which in-flight data of an unaligned checkpoint a subtask restores when its task now runs at
 * another parallelism than the one that captured it. It depends on how each input edge routes:
 *
 * <ul>
 *   <li>By record (hash, global): each record goes to the subtask the exchange sends it to now. For
 *       a hash exchange that is the owner of the record's key group at the new parallelism, which
 *       is also the subtask that restores that key group's keyed state.
 *   <li>Broadcast: every old subtask received every record, so new subtask {@code i} takes the
 *       copy of old subtask {@code i mod oldParallelism}; each record in flight reaches each new
 *       subtask exactly once.
 *   <li>Forward and rebalance: the records move with their channel, old subtask {@code j}'s to
 *       new subtask {@code j mod newParallelism}; neither promises more than that each record
 *       reaches one subtask.
 * </ul>
 *
 * <p>The records of one old channel keep their order. Watermarks and other events are left out:
 * replay drops them anyway. Producers keep no in-flight data of their own: a barrier sends every
 * partly filled buffer ahead of it, so all of it is queued at the consumers.
 */
final class InFlightRedistribution {
  private final OperatorState state;
  private final JobVertex vertex;
  private final int subtask;
  private final Map<Integer, RecordRouter> routers = new HashMap<>();

  private InFlightRedistribution(OperatorState state, JobVertex vertex, int subtask) {
    this.state = state;
    this.vertex = vertex;
    this.subtask = subtask;
  }

  /**
   * The in-flight list states of {@code state} (the head operator of {@code vertex}, captured at
   * another parallelism) that subtask {@code subtask} restores, by name.
   */
  static Map<String, List<byte[]>> forSubtask(OperatorState state, JobVertex vertex, int subtask)
      throws Exception {
    return new InFlightRedistribution(state, vertex, subtask).collect();
  }

  private Map<String, List<byte[]>> collect() throws Exception {
    Map<String, List<byte[]>> mine = new HashMap<>();
    for (int old = 0; old < state.parallelism(); old++) {
      OperatorSubtaskState s = state.subtasks().get(old);
      if (s == null) {
        continue;
      }
      for (Map.Entry<String, List<byte[]>> e : s.listStates().entrySet()) {
        if (!StateAssignment.isInFlightState(e.getKey())) {
          continue;
        }
        List<JobEdge> edges = ExchangeRegistry.edgesOf(vertex, inputIndexOf(e.getKey()));
        List<byte[]> kept = mine.computeIfAbsent(e.getKey(), n -> new ArrayList<>());
        for (byte[] element : e.getValue()) {
          byte[] share = shareOf(element, edgeOf(element, edges), old);
          if (share != null) {
            kept.add(share);
          }
        }
      }
    }
    mine.values().removeIf(List::isEmpty);
    return mine;
  }

  /** What of one old channel's element this subtask restores, or null for nothing. */
  private byte[] shareOf(byte[] element, JobEdge edge, int oldSubtask) throws Exception {
    StreamPartitioner<?> partitioner = edge.partitioner();
    if (partitioner.isBroadcast()) {
      return oldSubtask == subtask % state.parallelism() ? element : null;
    }
    if (partitioner.routesByRecord()) {
      return routers.computeIfAbsent(edge.id(), id -> new RecordRouter(edge))
          .recordsOf(element, subtask, vertex.parallelism());
    }
    return oldSubtask % vertex.parallelism() == subtask ? element : null;
  }

  private JobEdge edgeOf(byte[] element, List<JobEdge> edges) throws Exception {
    int edge = InFlightElements.edgeOf(element);
    if (edge < 0 || edge >= edges.size()) {
      throw new IllegalArgumentException(
          "The checkpoint holds in-flight data of input edge " + edge + " of '" + vertex.name()
              + "', which the job does not have: restore it with the program or query that took"
              + " it");
    }
    return edges.get(edge);
  }

  private static int inputIndexOf(String stateName) {
    return Integer.parseInt(stateName.substring(StateAssignment.IN_FLIGHT_STATE_PREFIX.length()));
  }

  /** Picks the records of an element that an exchange routing by record sends to one subtask. */
  private static final class RecordRouter {
    private final TypeSerializer<Object> serializer;
    private final StreamPartitioner<Object> partitioner;
    private final DataInputDeserializer view = new DataInputDeserializer();

    @SuppressWarnings("unchecked")
    RecordRouter(JobEdge edge) {
      this.serializer = (TypeSerializer<Object>) edge.streamEdge().serializer().duplicate();
      this.partitioner = ((StreamPartitioner<Object>) edge.partitioner()).copyFor(0);
    }

    /** The element with only the records routed to {@code subtask}, or null if there are none. */
    byte[] recordsOf(byte[] element, int subtask, int parallelism) throws Exception {
      DataOutputSerializer out = new DataOutputSerializer(element.length);
      int position = InFlightElements.FRAMES_OFFSET;
      boolean any = false;
      while (position < element.length) {
        int length = InFlightElements.frameLength(element, position);
        view.setBuffer(element, position + 4, length - 4);
        byte kind = view.readByte();
        if (kind == ElementKind.RECORD || kind == ElementKind.TIMESTAMPED_RECORD) {
          if (kind == ElementKind.TIMESTAMPED_RECORD) {
            view.readLong();
          }
          Object record = serializer.deserialize(view);
          if (partitioner.selectChannel(record, parallelism) == subtask) {
            out.write(element, position, length);
            any = true;
          }
        }
        position += length;
      }
      if (!any) {
        return null;
      }
      return InFlightElements.encode(InFlightElements.edgeOf(element), out.buffer(), 0, out.length());
    }
  }
}
