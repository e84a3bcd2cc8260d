package io.strom.datastream.operators;

import io.strom.api.functions.MapFunction;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;

/** Applies a {@link MapFunction}; the result keeps the input's timestamp. */
public final class MapOperator<I, O> extends AbstractOperator<O> implements OneInputOperator<I, O> {
  private static final long serialVersionUID = 1L;

  private final MapFunction<I, O> function;

  public MapOperator(MapFunction<I, O> function) {
    this.function = function;
  }

  @Override
  protected void setup() throws Exception {
    UserFunctions.open(function, new StreamingRuntimeContext(context));
  }

  @Override
  public void processElement(I record, long timestamp) throws Exception {
    output.collect(function.map(record), timestamp);
  }

  @Override
  public void close() throws Exception {
    UserFunctions.close(function);
  }
}
