package io.strom.runtime.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON description of a streaming program that {@code EXPLAIN JSON_EXECUTION_PLAN} prints, in
 * Flink's layout: {@code {"nodes": [...]}} with, per node in topological order, its {@code id},
 * {@code type} and {@code contents} (the operator's name), its {@code pact} ({@code Data Source},
 * {@code Operator} or {@code Data Sink}), its {@code parallelism} and, unless it is a source, its
 * {@code predecessors}: the node each input comes from, how records are shipped ({@code FORWARD},
 * {@code HASH}, ...) and which input of the node it feeds ({@code first} or {@code second}).
 */
public final class ExecutionPlanJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ExecutionPlanJson() {}

  /** The plan of {@code graph} as indented JSON. */
  public static String of(StreamGraph graph) {
    ObjectNode plan = MAPPER.createObjectNode();
    ArrayNode nodes = plan.putArray("nodes");
    for (StreamNode node : graph.nodes()) {
      nodes.add(describe(node));
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Bug: a plan of plain values did not print as JSON", e);
    }
  }

  private static ObjectNode describe(StreamNode node) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("id", node.id());
    json.put("type", node.name());
    json.put("pact", pact(node));
    json.put("contents", node.name());
    json.put("parallelism", node.parallelism());
    if (!node.inEdges().isEmpty()) {
      ArrayNode predecessors = json.putArray("predecessors");
      for (StreamEdge edge : node.inEdges()) {
        ObjectNode input = predecessors.addObject();
        input.put("id", edge.sourceId());
        input.put("ship_strategy", edge.partitioner().pattern());
        input.put("side", edge.inputIndex() == 0 ? "first" : "second");
      }
    }
    return json;
  }

  private static String pact(StreamNode node) {
    if (node.isSource()) {
      return "Data Source";
    }
    return node.outEdges().isEmpty() ? "Data Sink" : "Operator";
  }
}
