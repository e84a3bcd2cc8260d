package io.strom.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What one subtask of one operator contributed to a checkpoint.
 *
 * @param operatorKey the operator's identity across runs of the same program (see {@link
 *     OperatorKeys})
 * @param keyed its keyed state and timers, or null when it is not keyed
 * @param listStates its operator list states by name, each element serialized on its own so that
 *     elements can be redistributed when parallelism changes (a source's splits are one of them)
 */
public record OperatorSubtaskState(
    String operatorKey, KeyedStateHandle keyed, Map<String, List<byte[]>> listStates) {
  public OperatorSubtaskState {
    requireNonNull(operatorKey, "operatorKey");
    listStates = Map.copyOf(listStates);
  }

  /** Bytes this state takes (all of it, also files shared with earlier checkpoints). */
  public long sizeInBytes() {
    long size = 0;
    if (keyed != null) {
      size += keyed.fileLength();
      if (keyed.nativeState() != null) {
        size += keyed.nativeState().totalBytes();
      }
    }
    for (List<byte[]> elements : listStates.values()) {
      for (byte[] element : elements) {
        size += element.length;
      }
    }
    return size;
  }
}
