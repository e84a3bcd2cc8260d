package io.strom.runtime.generated;

import io.strom.api.functions.FunctionContext;
import io.strom.data.Row;

/**
 * Generated per-query logic of a Calc: a filter fused with a projection.
 *
 * <p>Instances are not thread-safe; called only on the task's mailbox thread.
 */
public interface CalcFunction {

  /** Prepares per-instance state (UDF instances, random generators, the session time zone). */
  default void open(FunctionContext context) throws Exception {}

  /**
   * Evaluates the filter and projection on {@code input}.
   *
   * @return the output row, reused across calls and carrying the input's kind, or {@code null} when
   *     the filter rejects the input
   */
  Row apply(Row input) throws Exception;

  /** Releases what {@link #open} acquired. */
  default void close() throws Exception {}
}
