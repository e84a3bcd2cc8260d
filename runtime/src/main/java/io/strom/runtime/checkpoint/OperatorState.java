package io.strom.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of all subtasks of one operator in a completed checkpoint.
 *
 * @param operatorKey the operator's identity (see {@link OperatorKeys})
 * @param parallelism the parallelism the operator ran with
 * @param subtasks the state of each subtask that had any, by subtask index
 * @param enumeratorSplits for a source, the splits its enumerator had not assigned yet, each
 *     serialized with the source's split serializer; null for other operators
 */
public record OperatorState(
    String operatorKey,
    int parallelism,
    Map<Integer, OperatorSubtaskState> subtasks,
    List<byte[]> enumeratorSplits) {
  public OperatorState {
    requireNonNull(operatorKey, "operatorKey");
    subtasks = new TreeMap<>(subtasks);
    enumeratorSplits = enumeratorSplits == null ? null : List.copyOf(enumeratorSplits);
  }
}
