package io.strom.datastream;

import io.strom.api.functions.AggregateFunction;
import io.strom.api.functions.KeySelector;
import io.strom.api.functions.ReduceFunction;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.datastream.functions.KeyedProcessFunction;
import io.strom.datastream.operators.KeyedAggregateOperator;
import io.strom.datastream.operators.KeyedProcessOperator;
import io.strom.datastream.operators.KeyedReduceOperator;
import io.strom.datastream.windowing.assigners.WindowAssigner;
import io.strom.datastream.windowing.windows.Window;
import io.strom.runtime.graph.Partitioners;

/**
 * A stream partitioned by key. Operators applied to it run keyed: they have state and timers per
 * key, and every element with the same key reaches the same parallel instance.
 */
public class KeyedStream<T, K> extends DataStream<T> {
  private final KeySelector<T, K> keySelector;

  KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
    super(
        input.env,
        input.withPartitioner(Partitioners.hash(keySelector, input.env.getMaxParallelism())).inputs,
        input.type);
    this.keySelector = keySelector;
  }

  public KeySelector<T, K> getKeySelector() {
    return keySelector;
  }

  /** Processes elements with keyed state and timers scoped to each element's key. */
  public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
    return env.addOperator(
        "Keyed Process", new KeyedProcessOperator<>(function), this, TypeInfo.generic());
  }

  /** A rolling reduce: emits the reduced value of the element's key after every element. */
  public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
    return env.addOperator("Keyed Reduce", new KeyedReduceOperator<T, K>(reducer, type), this, type);
  }

  /** A rolling aggregate: emits the current result of the element's key after every element. */
  public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> aggregate) {
    return aggregate(aggregate, TypeInfo.generic());
  }

  public <ACC, R> SingleOutputStreamOperator<R> aggregate(
      AggregateFunction<T, ACC, R> aggregate, TypeInfo<ACC> accumulatorType) {
    return env.addOperator(
        "Keyed Aggregate",
        new KeyedAggregateOperator<T, K, ACC, R>(aggregate, accumulatorType),
        this,
        TypeInfo.generic());
  }

  /**
   * Groups the elements of each key into the windows {@code assigner} gives them; evaluate the
   * windows with {@code reduce}, {@code aggregate} or {@code process} on the result.
   */
  public <W extends Window> WindowedStream<T, K, W> window(WindowAssigner<? super T, W> assigner) {
    return new WindowedStream<>(this, assigner);
  }
}
