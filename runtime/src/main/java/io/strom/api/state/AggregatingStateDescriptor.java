package io.strom.api.state;

import static java.util.Objects.requireNonNull;

import io.strom.api.functions.AggregateFunction;
import io.strom.api.typeinfo.TypeInfo;

/** Declares an {@link AggregatingState}; {@link #type()} is the accumulator's type. */
public final class AggregatingStateDescriptor<IN, ACC, OUT> extends StateDescriptor<ACC> {
  private static final long serialVersionUID = 1L;

  private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

  public AggregatingStateDescriptor(
      String name, AggregateFunction<IN, ACC, OUT> aggregateFunction, TypeInfo<ACC> accumulatorType) {
    super(name, accumulatorType);
    this.aggregateFunction = requireNonNull(aggregateFunction, "aggregateFunction");
  }

  public AggregateFunction<IN, ACC, OUT> aggregateFunction() {
    return aggregateFunction;
  }
}
