package io.strom.table.functions;

import io.strom.api.functions.DataTypeHint;
import io.strom.api.functions.FunctionContext;
import io.strom.api.functions.UserDefinedFunction;

/**
 * Base class of user-defined aggregate functions for SQL and the Table API: many rows in, one value
 * out per group, window or OVER frame, e.g. {@code SELECT user, wavg(points, level) FROM scores
 * GROUP BY user}. (The DataStream API's {@link io.strom.api.functions.AggregateFunction} is a
 * different interface.)
 *
 * <p>As in Flink, the per-row methods are found by reflection, by name:
 *
 * <ul>
 *   <li>{@code public void accumulate(ACC acc, args...)}, required, one or more overloads: adds a
 *       row's arguments to the accumulator. Its parameters (after the accumulator) decide which
 *       arguments the function takes, as an {@code eval} of a scalar function does. A boxed
 *       parameter receives SQL NULL as {@code null}; a row with NULL for a primitive parameter is
 *       not passed to the function.
 *   <li>{@code public void retract(ACC acc, args...)}, with the parameters of an {@code
 *       accumulate}: takes a row back out. Needed over an updating input (e.g. the result of
 *       another GROUP BY) and over OVER frames bounded by {@code n PRECEDING}; without it such
 *       queries are refused.
 *   <li>{@code public void merge(ACC acc, Iterable<ACC> others)}: combines accumulators. With it,
 *       HOP and CUMULATE window aggregations accumulate each row once, into a slice of the
 *       windows, and merge slices into windows; a group aggregation with mini-batch may
 *       pre-aggregate before its exchange (two phases). Without it each window keeps its own
 *       accumulator and the aggregation runs in one phase.
 *   <li>{@code public void resetAccumulator(ACC acc)}: optional, as in Flink.
 * </ul>
 *
 * <p>The result type comes from {@code T}, or from a {@link DataTypeHint} on {@link #getValue} or
 * on the class (e.g. for {@code DECIMAL(10, 2)}). The accumulator must be {@link
 * java.io.Serializable}: the runtime keeps it in state as bytes, serialized with Java
 * serialization, and reads it back for the next row of its key.
 *
 * <p>Instances are serialized with the plan; each parallel instance is opened before first use.
 *
 * @param <T> the Java type of the result
 * @param <ACC> the Java type of the accumulator
 */
public abstract class AggregateFunction<T, ACC> implements UserDefinedFunction {
  private static final long serialVersionUID = 1L;

  /** A new, empty accumulator: the state of a group that has seen no rows. */
  public abstract ACC createAccumulator();

  /** The result for the rows in {@code accumulator}; may be {@code null} (SQL NULL). */
  public abstract T getValue(ACC accumulator);

  @Override
  public void open(FunctionContext context) throws Exception {}

  @Override
  public void close() throws Exception {}

  /** False when the function may return different results for equal rows (random, time). */
  public boolean isDeterministic() {
    return true;
  }
}
