package io.strom.datastream.operators;

import io.strom.datastream.functions.SinkFunction;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;

/** Calls a {@link SinkFunction} for each element. */
public final class SinkFunctionOperator<T> extends AbstractOperator<Void>
    implements OneInputOperator<T, Void> {
  private static final long serialVersionUID = 1L;

  private final SinkFunction<T> function;

  public SinkFunctionOperator(SinkFunction<T> function) {
    this.function = function;
  }

  @Override
  protected void setup() throws Exception {
    UserFunctions.open(function, new StreamingRuntimeContext(context));
  }

  @Override
  public void processElement(T record, long timestamp) throws Exception {
    function.invoke(record);
  }

  @Override
  public void close() throws Exception {
    UserFunctions.close(function);
  }
}
