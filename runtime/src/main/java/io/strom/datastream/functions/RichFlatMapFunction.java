package io.strom.datastream.functions;

import io.strom.api.functions.FlatMapFunction;
import io.strom.api.functions.RichFunction;

/** A flat-map function with open/close and access to the runtime context. */
public abstract class RichFlatMapFunction<T, O> implements FlatMapFunction<T, O>, RichFunction {
  private static final long serialVersionUID = 1L;
}
