package io.strom.api.functions;

/** Turns each element into zero, one or more elements. */
@FunctionalInterface
public interface FlatMapFunction<T, O> extends Function {
  void flatMap(T value, Collector<O> out) throws Exception;
}
