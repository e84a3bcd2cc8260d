package io.strom.datastream.functions;

import io.strom.api.functions.MapFunction;
import io.strom.api.functions.RichFunction;

/** A map function with open/close and access to the runtime context. */
public abstract class RichMapFunction<T, O> implements MapFunction<T, O>, RichFunction {
  private static final long serialVersionUID = 1L;
}
