package io.strom.api.state;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.ReduceFunction;
import io.strom.api.typeinfo.TypeInfo;

/** Declares a {@link ReducingState} with the function values are reduced with. */
public final class ReducingStateDescriptor<T> extends StateDescriptor<T> {
  private static final long serialVersionUID = 1L;

  private final ReduceFunction<T> reduceFunction;

  public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInfo<T> type) {
    super(name, type);
    this.reduceFunction = requireNonNull(reduceFunction, "reduceFunction");
  }

  public ReduceFunction<T> reduceFunction() {
    return reduceFunction;
  }
}
