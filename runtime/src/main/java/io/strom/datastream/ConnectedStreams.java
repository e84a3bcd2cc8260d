package io.strom.datastream;

import io.strom.api.functions.KeySelector;
import io.strom.api.typeinfo.TypeInfo;
import io.strom.datastream.functions.CoFlatMapFunction;
import io.strom.datastream.functions.CoMapFunction;
import io.strom.datastream.functions.CoProcessFunction;
import io.strom.datastream.functions.KeyedCoProcessFunction;
import io.strom.datastream.operators.CoFlatMapOperator;
import io.strom.datastream.operators.CoProcessOperator;
import io.strom.datastream.operators.KeyedCoProcessOperator;

/** Two streams, possibly of different types, feeding one two-input operator. */
public class ConnectedStreams<T1, T2> {
  protected final StreamExecutionEnvironment env;
  protected final DataStream<T1> first;
  protected final DataStream<T2> second;

  ConnectedStreams(StreamExecutionEnvironment env, DataStream<T1> first, DataStream<T2> second) {
    if (first.env != env || second.env != env) {
      throw new IllegalArgumentException("Cannot connect streams of different environments");
    }
    this.env = env;
    this.first = first;
    this.second = second;
  }

  public DataStream<T1> getFirstInput() {
    return first;
  }

  public DataStream<T2> getSecondInput() {
    return second;
  }

  public <R> SingleOutputStreamOperator<R> map(CoMapFunction<T1, T2, R> mapper) {
    return flatMap(CoFlatMapOperator.fromMap(mapper));
  }

  public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<T1, T2, R> flatMapper) {
    return env.addTwoInputOperator(
        "Co-Flat Map", new CoFlatMapOperator<>(flatMapper), first, second, TypeInfo.generic(), null, null);
  }

  public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<T1, T2, R> function) {
    return env.addTwoInputOperator(
        "Co-Process", new CoProcessOperator<>(function), first, second, TypeInfo.generic(), null, null);
  }

  /** Partitions both streams by key, so equal keys of both meet in the same parallel instance. */
  public <K> ConnectedStreams<T1, T2> keyBy(KeySelector<T1, K> firstKey, KeySelector<T2, K> secondKey) {
    return new ConnectedStreams<>(env, first.keyBy(firstKey), second.keyBy(secondKey));
  }

  /** Processes both streams with keyed state and timers; the streams must be keyed. */
  public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, T1, T2, R> function) {
    if (!(first instanceof KeyedStream<T1, ?> k1) || !(second instanceof KeyedStream<T2, ?> k2)) {
      throw new IllegalStateException(
          "A KeyedCoProcessFunction needs keyed inputs: call keyBy(firstKey, secondKey) first");
    }
    return env.addTwoInputOperator(
        "Keyed Co-Process",
        new KeyedCoProcessOperator<>(function),
        first,
        second,
        TypeInfo.generic(),
        k1.getKeySelector(),
        k2.getKeySelector());
  }
}
