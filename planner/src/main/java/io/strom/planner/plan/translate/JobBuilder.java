package io.strom.planner.plan.translate;

import io.strom.api.eventtime.WatermarkStrategy;
import io.strom.api.typeinfo.Types;
import io.strom.configuration.Configuration;
import io.strom.configuration.PipelineOptions;
import io.strom.data.Row;
import io.strom.runtime.graph.Partitioners;
import io.strom.runtime.graph.SourceSpec;
import io.strom.runtime.graph.StreamEdge;
import io.strom.runtime.graph.StreamGraph;
import io.strom.runtime.graph.StreamNode;
import io.strom.runtime.operators.Operator;
import io.strom.runtime.source.Source;
import io.strom.types.RowType;

/**
 * Builds the stream graph of a SQL job: sources, operators and sinks over rows, connected by
 * forward edges (or the exchanges a physical plan asks for), each edge serializing rows of its
 * producer's type.
 */
public final class JobBuilder {
  private final StreamGraph graph;
  private final int parallelism;

  public JobBuilder(String jobName, Configuration configuration) {
    this.graph = new StreamGraph(jobName, configuration);
    this.parallelism = configuration.get(PipelineOptions.DEFAULT_PARALLELISM);
  }

  /** A node's output as input of the next: which node, and the type of its rows. */
  public record Output(int nodeId, RowType type) {}

  public Output source(String name, Source<Row, ?> source, RowType type, boolean singleInstance) {
    StreamNode node =
        graph.addNode(
            StreamNode.source(
                graph.nextNodeId(),
                name,
                new SourceSpec<>(source, WatermarkStrategy.<Row>noWatermarks()),
                singleInstance ? 1 : parallelism));
    return new Output(node.id(), type);
  }

  /** Adds a one-input operator after {@code input}, forward connected, with the input's parallelism. */
  public Output operator(String name, Operator<Row> operator, Output input, RowType outputType) {
    StreamNode node =
        graph.addNode(
            StreamNode.operator(
                graph.nextNodeId(), name, operator, 1, graph.node(input.nodeId()).parallelism()));
    connect(input, node, 0);
    return new Output(node.id(), outputType);
  }

  /** Adds a sink after {@code input}; {@code parallelism} null keeps the input's. */
  public void sink(String name, Operator<Void> sink, Output input, Integer parallelism) {
    int p = parallelism != null ? parallelism : graph.node(input.nodeId()).parallelism();
    StreamNode node = graph.addNode(StreamNode.operator(graph.nextNodeId(), name, sink, 1, p));
    connect(input, node, 0);
  }

  private void connect(Output input, StreamNode target, int inputIndex) {
    graph.addEdge(
        new StreamEdge(
            input.nodeId(),
            target.id(),
            inputIndex,
            Partitioners.forward(),
            null,
            Types.row(input.type()).createSerializer()));
  }

  public StreamGraph graph() {
    return graph;
  }
}
