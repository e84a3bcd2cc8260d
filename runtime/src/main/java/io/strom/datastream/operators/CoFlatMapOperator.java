package io.strom.datastream.operators;

import io.strom.api.functions.Collector;
import io.strom.datastream.functions.CoFlatMapFunction;
import io.strom.datastream.functions.CoMapFunction;
import io.strom.runtime.operators.AbstractOperator;
import io.strom.runtime.operators.TwoInputOperator;

/** Applies a {@link CoFlatMapFunction} to two connected streams. */
public final class CoFlatMapOperator<I1, I2, O> extends AbstractOperator<O>
    implements TwoInputOperator<I1, I2, O> {
  private static final long serialVersionUID = 1L;

  private final CoFlatMapFunction<I1, I2, O> function;
  private transient TimestampedCollector<O> collector;

  public CoFlatMapOperator(CoFlatMapFunction<I1, I2, O> function) {
    this.function = function;
  }

  /** A co-map as a co-flat-map that emits exactly one element per input element. */
  public static <I1, I2, O> CoFlatMapFunction<I1, I2, O> fromMap(CoMapFunction<I1, I2, O> mapper) {
    return new CoFlatMapFunction<I1, I2, O>() {
      private static final long serialVersionUID = 1L;

      @Override
      public void flatMap1(I1 value, Collector<O> out) throws Exception {
        out.collect(mapper.map1(value));
      }

      @Override
      public void flatMap2(I2 value, Collector<O> out) throws Exception {
        out.collect(mapper.map2(value));
      }
    };
  }

  @Override
  protected void setup() throws Exception {
    collector = new TimestampedCollector<>(output);
    UserFunctions.open(function, new StreamingRuntimeContext(context));
  }

  @Override
  public void processElement1(I1 record, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    function.flatMap1(record, collector);
  }

  @Override
  public void processElement2(I2 record, long timestamp) throws Exception {
    collector.setTimestamp(timestamp);
    function.flatMap2(record, collector);
  }

  @Override
  public void close() throws Exception {
    UserFunctions.close(function);
  }
}
