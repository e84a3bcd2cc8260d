package io.strom.datastream;

import io.strom.api.typeinfo.TypeInfo;
import io.strom.datastream.functions.CoFlatMapFunction;
import io.strom.datastream.functions.CoMapFunction;
import io.strom.datastream.functions.CoProcessFunction;
import io.strom.datastream.operators.CoFlatMapOperator;
import io.strom.datastream.operators.CoProcessOperator;

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
}
