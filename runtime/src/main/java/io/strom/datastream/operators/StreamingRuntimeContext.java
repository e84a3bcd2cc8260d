package io.strom.datastream.operators;

import io.strom.api.functions.RuntimeContext;
import io.strom.api.state.AggregatingState;
import io.strom.api.state.AggregatingStateDescriptor;
import io.strom.api.state.ListState;
import io.strom.api.state.ListStateDescriptor;
import io.strom.api.state.MapState;
import io.strom.api.state.MapStateDescriptor;
import io.strom.api.state.ReducingState;
import io.strom.api.state.ReducingStateDescriptor;
import io.strom.api.state.ValueState;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.runtime.operators.OperatorContext;
import io.strom.runtime.state.KeyedStateAccess;

/**
 * The runtime context user functions see: the operator's identity and, in keyed operators, state
 * of the key the operator is processing.
 */
final class StreamingRuntimeContext implements RuntimeContext {
  private final OperatorContext<?> context;
  private final KeyedStateAccess<?> keyedState;

  /** The context of an operator that is not keyed. */
  StreamingRuntimeContext(OperatorContext<?> context) {
    this(context, null);
  }

  /** The context of a keyed operator whose state is read through {@code keyedState}. */
  StreamingRuntimeContext(OperatorContext<?> context, KeyedStateAccess<?> keyedState) {
    this.context = context;
    this.keyedState = keyedState;
  }

  @Override
  public String operatorName() {
    return context.operatorName();
  }

  @Override
  public int subtaskIndex() {
    return context.subtaskIndex();
  }

  @Override
  public int parallelism() {
    return context.parallelism();
  }

  private KeyedStateAccess<?> keyed() {
    if (keyedState == null) {
      throw notKeyed();
    }
    return keyedState;
  }

  private IllegalStateException notKeyed() {
    return new IllegalStateException(
        "Operator '" + context.operatorName() + "' asked for keyed state, which exists only on a"
            + " keyed stream: call keyBy(...) before it.");
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    return keyed().getState(descriptor);
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    return keyed().getListState(descriptor);
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    return keyed().getMapState(descriptor);
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    return keyed().getReducingState(descriptor);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    return keyed().getAggregatingState(descriptor);
  }
}
