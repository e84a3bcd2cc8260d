package io.strom.runtime.checkpoint;

import java.util.List;
import java.util.Map;

/**
 * What one operator subtask restores: the handles of the keyed state files that hold any of its
 * key groups, and its share of each operator list state.
 *
 * @param keyed handles whose key group ranges overlap the subtask's; it reads only its own key
 *     groups from them
 * @param listStates its elements of each list state, by name
 */
public record OperatorRestore(List<KeyedStateHandle> keyed, Map<String, List<byte[]>> listStates) {
  public static final OperatorRestore EMPTY = new OperatorRestore(List.of(), Map.of());

  public OperatorRestore {
    keyed = List.copyOf(keyed);
    listStates = Map.copyOf(listStates);
  }
}
