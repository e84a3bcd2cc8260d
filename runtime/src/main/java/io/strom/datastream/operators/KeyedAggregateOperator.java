package io.strom.datastream.operators;

import io.strom.api.functions.AggregateFunction;
import io.strom.api.functions.KeySelector;
import io.strom.api.state.AggregatingStateDescriptor;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.state.InternalAggregatingState;
import io.strom.runtime.state.VoidNamespace;

/**
 * A rolling aggregate per key: adds each element to its key's accumulator and emits the current
 * result.
 */
public final class KeyedAggregateOperator<T, K, ACC, R> extends AbstractOperator<R>
    implements OneInputOperator<T, R> {
  private static final long serialVersionUID = 1L;

  private final AggregateFunction<T, ACC, R> function;
  private final TypeInfo<ACC> accumulatorType;
  private transient KeySelector<T, K> keySelector;
  private transient InternalAggregatingState<K, VoidNamespace, T, ACC, R> state;

  public KeyedAggregateOperator(AggregateFunction<T, ACC, R> function, TypeInfo<ACC> accumulatorType) {
    this.function = function;
    this.accumulatorType = accumulatorType;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    state =
        context
            .<K>keyedStateBackend()
            .aggregatingState(new AggregatingStateDescriptor<>("aggregate", function, accumulatorType));
    UserFunctions.open(function, new StreamingRuntimeContext(context));
  }

  @Override
  public void processElement(T record, long timestamp) throws Exception {
    K key = keySelector.getKey(record);
    state.add(key, VoidNamespace.INSTANCE, record);
    output.collect(state.get(key, VoidNamespace.INSTANCE), timestamp);
  }

  @Override
  public void close() throws Exception {
    UserFunctions.close(function);
  }
}
