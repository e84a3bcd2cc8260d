package io.strom.runtime.graph;

import static java.util.Objects.requireNonNull;

import io.strom.configuration.Configuration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming program as the user wrote it: operator nodes and the edges between them, before
 * operators are chained into tasks. Nodes are numbered in the order they were added, and an edge
 * always goes from a lower to a higher number, so numbering order is a topological order.
 */
public final class StreamGraph {
  private String jobName;
  private Configuration configuration;
  private final Map<Integer, StreamNode> nodes = new LinkedHashMap<>();

  public StreamGraph(String jobName, Configuration configuration) {
    this.jobName = requireNonNull(jobName, "jobName");
    this.configuration = new Configuration(configuration);
  }

  public String jobName() {
    return jobName;
  }

  public void setJobName(String jobName) {
    this.jobName = requireNonNull(jobName, "jobName");
  }

  /** Replaces the settings the job will run with. */
  public void setConfiguration(Configuration configuration) {
    this.configuration = new Configuration(configuration);
  }

  public Configuration configuration() {
    return configuration;
  }

  public int nextNodeId() {
    return nodes.size() + 1;
  }

  public StreamNode addNode(StreamNode node) {
    if (node.id() != nextNodeId()) {
      throw new IllegalArgumentException("Nodes must be added in id order");
    }
    nodes.put(node.id(), node);
    return node;
  }

  public void addEdge(StreamEdge edge) {
    if (edge.sourceId() >= edge.targetId()) {
      throw new IllegalArgumentException("Edges go from an earlier node to a later one: " + edge);
    }
    node(edge.sourceId()).outEdges().add(edge);
    node(edge.targetId()).inEdges().add(edge);
  }

  public StreamNode node(int id) {
    StreamNode node = nodes.get(id);
    if (node == null) {
      throw new IllegalArgumentException("No node with id " + id);
    }
    return node;
  }

  /** The nodes in topological order. */
  public List<StreamNode> nodes() {
    return Collections.unmodifiableList(new ArrayList<>(nodes.values()));
  }
}
