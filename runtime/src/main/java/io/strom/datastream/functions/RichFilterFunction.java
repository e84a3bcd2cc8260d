package io.strom.datastream.functions;

import io.strom.api.functions.FilterFunction;
import io.strom.api.functions.RichFunction;

/** A filter function with open/close and access to the runtime context. */
public abstract class RichFilterFunction<T> implements FilterFunction<T>, RichFunction {
  private static final long serialVersionUID = 1L;
}
