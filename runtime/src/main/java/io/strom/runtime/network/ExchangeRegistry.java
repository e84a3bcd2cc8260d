package io.strom.runtime.network;

import io.strom.runtime.graph.JobEdge;
import io.strom.runtime.graph.JobGraph;
import io.strom.runtime.graph.JobVertex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The input gates of one job's subtasks, and where each producer's channels land in them. Producer
 * and consumer tasks start in any order; whichever asks first creates the gate. Thread-safe.
 *
 * <p>The channels of an input are laid out edge by edge (in edge order): a pointwise edge gives one
 * channel (from the producer with the consumer's own index), any other edge one channel per
 * producing subtask.
 */
public final class ExchangeRegistry {
  private final JobGraph job;
  private final Map<GateKey, InputGate> gates = new ConcurrentHashMap<>();

  public ExchangeRegistry(JobGraph job) {
    this.job = job;
  }

  private record GateKey(int vertex, int subtask, int inputIndex) {}

  /** The gate of input {@code inputIndex} of subtask {@code subtask} of {@code vertex}. */
  public InputGate gate(int vertex, int subtask, int inputIndex) {
    return gates.computeIfAbsent(
        new GateKey(vertex, subtask, inputIndex),
        k -> new InputGate(numChannels(job.vertex(vertex), inputIndex)));
  }

  /** The edges feeding input {@code inputIndex} of a vertex, in layout order. */
  public static List<JobEdge> edgesOf(JobVertex vertex, int inputIndex) {
    List<JobEdge> edges = new ArrayList<>();
    for (JobEdge e : vertex.inputs()) {
      if (e.streamEdge().inputIndex() == inputIndex) {
        edges.add(e);
      }
    }
    return edges;
  }

  private int numChannels(JobVertex vertex, int inputIndex) {
    int n = 0;
    for (JobEdge e : edgesOf(vertex, inputIndex)) {
      n += channelsOf(e);
    }
    return n;
  }

  private int channelsOf(JobEdge e) {
    return e.partitioner().isPointwise() ? 1 : job.vertex(e.sourceVertex()).parallelism();
  }

  /** The first channel of edge {@code edge} in its consumer's gate. */
  public int channelOffset(JobEdge edge) {
    int offset = 0;
    for (JobEdge e : edgesOf(job.vertex(edge.targetVertex()), edge.streamEdge().inputIndex())) {
      if (e.id() == edge.id()) {
        return offset;
      }
      offset += channelsOf(e);
    }
    throw new IllegalArgumentException("Edge " + edge.id() + " does not feed its target");
  }

  /** Where producer subtask {@code producer} of {@code edge} sends, one target per channel. */
  public ChannelTarget[] targets(JobEdge edge, int producer) {
    JobVertex consumer = job.vertex(edge.targetVertex());
    int inputIndex = edge.streamEdge().inputIndex();
    int offset = channelOffset(edge);
    if (edge.partitioner().isPointwise()) {
      return new ChannelTarget[] {
        new ChannelTarget(gate(consumer.id(), producer, inputIndex), offset)
      };
    }
    ChannelTarget[] targets = new ChannelTarget[consumer.parallelism()];
    for (int c = 0; c < targets.length; c++) {
      targets[c] = new ChannelTarget(gate(consumer.id(), c, inputIndex), offset + producer);
    }
    return targets;
  }

  /** Releases every gate, recycling whatever is still queued. */
  public void releaseAll() {
    gates.values().forEach(InputGate::release);
  }
}
