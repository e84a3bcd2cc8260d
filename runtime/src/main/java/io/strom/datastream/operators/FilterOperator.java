package io.strom.datastream.operators;

import io.strom.api.functions.FilterFunction;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;

/** Forwards the elements a {@link FilterFunction} accepts. */
public final class FilterOperator<T> extends AbstractOperator<T> implements OneInputOperator<T, T> {
  private static final long serialVersionUID = 1L;

  private final FilterFunction<T> function;

  public FilterOperator(FilterFunction<T> function) {
    this.function = function;
  }

  @Override
  protected void setup() throws Exception {
    UserFunctions.open(function, new StreamingRuntimeContext(context));
  }

  @Override
  public void processElement(T record, long timestamp) throws Exception {
    if (function.filter(record)) {
      output.collect(record, timestamp);
    }
  }

  @Override
  public void close() throws Exception {
    UserFunctions.close(function);
  }
}
