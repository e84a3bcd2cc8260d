package io.strom.runtime.graph;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;

/**
 * An exchange between two tasks: a stream edge that was not chained, with its partitioner resolved.
 *
 * @param id unique within the job
 * @param sourceVertex the producing vertex
 * @param targetVertex the consuming vertex
 * @param streamEdge the operator-level edge (source node, side output, input index, serializer)
 */
public record JobEdge(int id, int sourceVertex, int targetVertex, StreamEdge streamEdge)
    implements Serializable {
  public JobEdge {
    requireNonNull(streamEdge, "streamEdge");
  }

  public StreamPartitioner<?> partitioner() {
    return streamEdge.partitioner();
  }
}
