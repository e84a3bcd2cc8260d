package io.strom.api.functions;

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

/**
 * What a {@link RichFunction} can learn about where it runs, and its handle to keyed state.
 *
 * <p>State handles returned here read and write the state of the key of the element being
 * processed (or of the timer firing); they are only usable on a keyed stream.
 */
public interface RuntimeContext {
  String operatorName();

  int subtaskIndex();

  int parallelism();

  <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

  <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

  <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor);

  <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

  <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(
      AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
