package io.strom.datastream.functions;

import io.strom.api.functions.Function;

/** Maps the elements of two connected streams into one type. */
public interface CoMapFunction<I1, I2, O> extends Function {
  O map1(I1 value) throws Exception;

  O map2(I2 value) throws Exception;
}
