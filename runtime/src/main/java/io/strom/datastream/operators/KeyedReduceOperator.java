package io.strom.datastream.operators;

import io.strom.api.functions.KeySelector;
import io.strom.api.functions.ReduceFunction;
import io.strom.api.state.ValueStateDescriptor;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;
import io.strom.runtime.state.InternalValueState;
import io.strom.runtime.state.VoidNamespace;

/**
 * A rolling reduce per key: keeps the reduced value of each key and emits it after every element.
 */
public final class KeyedReduceOperator<T, K> extends AbstractOperator<T>
    implements OneInputOperator<T, T> {
  private static final long serialVersionUID = 1L;

  private final ReduceFunction<T> function;
  private final TypeInfo<T> type;
  private transient KeySelector<T, K> keySelector;
  private transient InternalValueState<K, VoidNamespace, T> reduced;

  public KeyedReduceOperator(ReduceFunction<T> function, TypeInfo<T> type) {
    this.function = function;
    this.type = type;
  }

  @Override
  protected void setup() throws Exception {
    keySelector = context.keySelector(0);
    reduced = context.<K>keyedStateBackend().valueState(new ValueStateDescriptor<>("reduced", type));
    UserFunctions.open(function, new StreamingRuntimeContext(context));
  }

  @Override
  public void processElement(T record, long timestamp) throws Exception {
    K key = keySelector.getKey(record);
    T current = reduced.get(key, VoidNamespace.INSTANCE);
    T next = current == null ? record : function.reduce(current, record);
    reduced.update(key, VoidNamespace.INSTANCE, next);
    output.collect(next, timestamp);
  }

  @Override
  public void close() throws Exception {
    UserFunctions.close(function);
  }
}
