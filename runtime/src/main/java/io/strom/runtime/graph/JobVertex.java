package io.strom.runtime.graph;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A task of the job: a chain of operators fused into one thread per parallel subtask. The first
 * node is the head (a source, or the operator that reads the task's inputs); every other node is
 * fed by a chained predecessor in the same vertex.
 */
public final class JobVertex implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int id;
  private final int parallelism;
  private final List<StreamNode> nodes = new ArrayList<>();
  private final List<JobEdge> inputs = new ArrayList<>();
  private final List<JobEdge> outputs = new ArrayList<>();

  JobVertex(int id, StreamNode head) {
    this.id = id;
    this.parallelism = head.parallelism();
    nodes.add(head);
  }

  public int id() {
    return id;
  }

  /** Names of the chained operators, e.g. {@code "Source: numbers -> Map -> Filter"}. */
  public String name() {
    return nodes.stream()
        .map(n -> n.isSource() ? "Source: " + n.name() : n.name())
        .collect(Collectors.joining(" -> "));
  }

  public int parallelism() {
    return parallelism;
  }

  public StreamNode head() {
    return nodes.get(0);
  }

  /** The chained nodes, head first, in topological order. */
  public List<StreamNode> nodes() {
    return nodes;
  }

  public boolean contains(int nodeId) {
    return nodes.stream().anyMatch(n -> n.id() == nodeId);
  }

  public List<JobEdge> inputs() {
    return inputs;
  }

  public List<JobEdge> outputs() {
    return outputs;
  }

  void addNode(StreamNode node) {
    nodes.add(node);
  }

  @Override
  public String toString() {
    return name() + " (parallelism " + parallelism + ")";
  }
}
