package io.strom.runtime.state;

import io.strom.api.state.AggregatingStateDescriptor;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.state.ValueStateDescriptor;

/**
 * The keyed state of one operator subtask: the key groups it owns, holding named states whose
 * values are addressed explicitly by key and namespace.
 *
 * <p>Creating a state with a name that exists returns the existing state (its descriptor must be
 * of the same kind). Used only on the task's thread.
 */
public interface KeyedStateBackend<K> extends AutoCloseable {

  KeyGroupRange keyGroupRange();

  int maxParallelism();

  <N, V> InternalValueState<K, N, V> valueState(ValueStateDescriptor<V> descriptor);

  <N, V> InternalListState<K, N, V> listState(ListStateDescriptor<V> descriptor);

  <N, UK, UV> InternalMapState<K, N, UK, UV> mapState(MapStateDescriptor<UK, UV> descriptor);

  <N, V> InternalReducingState<K, N, V> reducingState(ReducingStateDescriptor<V> descriptor);

  <N, IN, ACC, OUT> InternalAggregatingState<K, N, IN, ACC, OUT> aggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor);

  /**
   * Whether a restore brought state of this name that no descriptor has declared since; lets an
   * operator whose state layout changed refuse a checkpoint in the old layout instead of ignoring
   * it.
   */
  boolean hasUndeclaredRestoredState(String name);

  /** Releases all state. */
  @Override
  void close();
}
