package io.strom.runtime.graph;

import static java.util.Objects.requireNonNull;

import io.strom.api.OutputTag;
import io.strom.serde.TypeSerializer;
import java.io.Serializable;

/**
 * A connection from one operator's output to one input of another.
 *
 * @param sourceId the producing node
 * @param targetId the consuming node
 * @param inputIndex which input of the consumer (0, or 1 for the second input of a two-input operator)
 * @param partitioner how records are spread over the consumer's subtasks
 * @param sideOutput the side output this edge carries, or null for the main output
 * @param serializer serializer of the records on this edge
 */
public record StreamEdge(
    int sourceId,
    int targetId,
    int inputIndex,
    StreamPartitioner<?> partitioner,
    OutputTag<?> sideOutput,
    TypeSerializer<?> serializer)
    implements Serializable {
  public StreamEdge {
    requireNonNull(partitioner, "partitioner");
    requireNonNull(serializer, "serializer");
    if (inputIndex != 0 && inputIndex != 1) {
      throw new IllegalArgumentException("Input index must be 0 or 1: " + inputIndex);
    }
  }

  public StreamEdge withPartitioner(StreamPartitioner<?> newPartitioner) {
    return new StreamEdge(sourceId, targetId, inputIndex, newPartitioner, sideOutput, serializer);
  }
}
