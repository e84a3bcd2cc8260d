package io.strom.datastream.operators;

import io.strom.api.functions.FlatMapFunction;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.OneInputOperator;

/** Applies a {@link FlatMapFunction}; results keep the input's timestamp. */
public final class FlatMapOperator<I, O> extends AbstractOperator<O>
    implements OneInputOperator<I, O> {
  private static final long serialVersionUID = 1L;

  private final FlatMapFunction<I, O> function;
  private transient TimestampedCollector<O> collector;

  public FlatMapOperator(FlatMapFunction<I, O> function) {
    this.function = function;
  }

  @Override
  protected void setup() throws Exception {
    collector = new TimestampedCollector<>(output);
    UserFunctions.open(function, new StreamingRuntimeContext(context));
  }

  @Override
  public void processElement(I record, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    function.flatMap(record, collector);
  }

  @Override
  public void close() throws Exception {
    UserFunctions.close(function);
  }
}
