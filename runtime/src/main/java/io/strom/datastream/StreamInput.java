package io.strom.datastream;

import static java.util.Objects.requireNonNull;

import io.strom.api.OutputTag;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.runtime.graph.StreamPartitioner;

/**
 * One producer feeding a stream: a node's main output or side output, with the exchange pattern a
 * consumer of the stream connects through. A union has several.
 *
 * @param nodeId the producing node
 * @param partitioner the exchange to the consumer
 * @param sideOutput the side output read, or null for the main output
 * @param type the type of the elements
 */
record StreamInput(
    int nodeId, StreamPartitioner<?> partitioner, OutputTag<?> sideOutput, TypeInfo<?> type) {
  StreamInput {
    requireNonNull(partitioner, "partitioner");
    requireNonNull(type, "type");
  }

  StreamInput withPartitioner(StreamPartitioner<?> newPartitioner) {
    return new StreamInput(nodeId, newPartitioner, sideOutput, type);
  }
}
