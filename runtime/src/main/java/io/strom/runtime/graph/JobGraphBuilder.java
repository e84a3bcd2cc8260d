package io.strom.runtime.graph;

import io.strom.configuration.PipelineOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a {@link StreamGraph} into a {@link JobGraph}: fuses operators joined by forward edges of
 * equal parallelism into one task, and resolves each remaining edge's exchange pattern.
 */
public final class JobGraphBuilder {
  private JobGraphBuilder() {}

  public static JobGraph build(StreamGraph graph) {
    boolean chainingEnabled = graph.configuration().get(PipelineOptions.OPERATOR_CHAINING);
    int maxParallelism = graph.configuration().get(PipelineOptions.MAX_PARALLELISM);
    List<JobVertex> vertices = new ArrayList<>();
    Map<Integer, JobVertex> vertexOfNode = new HashMap<>();

    for (StreamNode node : graph.nodes()) {
      checkParallelism(node, maxParallelism);
      StreamEdge chainedInput = chainableInput(graph, node, chainingEnabled);
      if (chainedInput != null) {
        JobVertex vertex = vertexOfNode.get(chainedInput.sourceId());
        vertex.addNode(node);
        vertexOfNode.put(node.id(), vertex);
      } else {
        JobVertex vertex = new JobVertex(vertices.size() + 1, node);
        vertices.add(vertex);
        vertexOfNode.put(node.id(), vertex);
      }
    }

    List<JobEdge> edges = new ArrayList<>();
    for (StreamNode node : graph.nodes()) {
      for (StreamEdge edge : node.outEdges()) {
        JobVertex from = vertexOfNode.get(edge.sourceId());
        JobVertex to = vertexOfNode.get(edge.targetId());
        if (from == to) {
          continue;
        }
        StreamEdge resolved = edge.withPartitioner(resolvePartitioner(graph, edge));
        JobEdge jobEdge = new JobEdge(edges.size() + 1, from.id(), to.id(), resolved);
        edges.add(jobEdge);
        from.outputs().add(jobEdge);
        to.inputs().add(jobEdge);
      }
    }
    String name = graph.jobName();
    return new JobGraph(
        UUID.randomUUID().toString().replace("-", ""),
        name,
        graph.configuration(),
        maxParallelism,
        vertices,
        edges);
  }

  private static void checkParallelism(StreamNode node, int maxParallelism) {
    if (node.parallelism() > maxParallelism) {
      throw new IllegalArgumentException(
          "Operator '" + node.name() + "' has parallelism " + node.parallelism()
              + ", more than the maximum parallelism " + maxParallelism
              + ". Lower it or raise '" + PipelineOptions.MAX_PARALLELISM.key() + "'.");
    }
  }

  /** The input edge through which {@code node} joins its predecessor's chain, or null. */
  private static StreamEdge chainableInput(StreamGraph graph, StreamNode node, boolean enabled) {
    if (!enabled || node.inEdges().size() != 1 || node.chaining() != ChainingStrategy.ALWAYS) {
      return null;
    }
    StreamEdge edge = node.inEdges().get(0);
    StreamNode upstream = graph.node(edge.sourceId());
    boolean forward = edge.partitioner().isPointwise();
    if (!forward
        || upstream.chaining() == ChainingStrategy.NEVER
        || upstream.parallelism() != node.parallelism()) {
      return null;
    }
    return edge;
  }

  /** A forward edge between different parallelisms becomes a round-robin exchange. */
  private static StreamPartitioner<?> resolvePartitioner(StreamGraph graph, StreamEdge edge) {
    StreamPartitioner<?> partitioner = edge.partitioner();
    int up = graph.node(edge.sourceId()).parallelism();
    int down = graph.node(edge.targetId()).parallelism();
    if (partitioner.isPointwise() && up != down) {
      return Partitioners.rebalance();
    }
    return partitioner;
  }
}
