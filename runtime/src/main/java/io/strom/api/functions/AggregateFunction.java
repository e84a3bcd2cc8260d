package io.strom.api.functions;

/**
 * An incremental aggregation: values are added into an accumulator, accumulators can be merged
 * (session windows), and the result is read from the accumulator.
 *
 * @param <IN> the values aggregated
 * @param <ACC> the accumulator, kept in state
 * @param <OUT> the result
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
  ACC createAccumulator();

  /** Adds a value; may update and return {@code accumulator} or return a new one. */
  ACC add(IN value, ACC accumulator);

  OUT getResult(ACC accumulator);

  ACC merge(ACC a, ACC b);
}
