package io.strom.datastream.functions;

import io.strom.api.functions.Collector;
import io.strom.api.functions.Function;

/** Turns the elements of two connected streams into any number of elements of one type. */
public interface CoFlatMapFunction<I1, I2, O> extends Function {
  void flatMap1(I1 value, Collector<O> out) throws Exception;

  void flatMap2(I2 value, Collector<O> out) throws Exception;
}
