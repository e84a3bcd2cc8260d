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

/** The runtime context user functions see in a non-keyed operator: identity, no keyed state. */
class StreamingRuntimeContext implements RuntimeContext {
  private final OperatorContext<?> context;

  StreamingRuntimeContext(OperatorContext<?> context) {
    this.context = context;
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

  private IllegalStateException notKeyed() {
    return new IllegalStateException(
        "Operator '" + context.operatorName() + "' asked for keyed state, which exists only on a"
            + " keyed stream: call keyBy(...) before it.");
  }

  @Override
  public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
    throw notKeyed();
  }

  @Override
  public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
    throw notKeyed();
  }

  @Override
  public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
    throw notKeyed();
  }

  @Override
  public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
    throw notKeyed();
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
    throw notKeyed();
  }
}
