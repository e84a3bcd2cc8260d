package io.strom.runtime.generated;

import io.strom.api.functions.Collector;
import io.strom.api.functions.FunctionContext;
import io.strom.data.Row;

/**
 * Generated per-query logic of a correlate (a lateral join with a table function or {@code
 * UNNEST}): calls the function for one input row and emits the input joined with each row the
 * function emits that passes the join's condition; a left join emits the input padded with NULLs
 * when none does.
 *
 * <p>Instances are not thread-safe; called only on the task's mailbox thread.
 */
public interface CorrelateFunction {

  /** Opens the table function and prepares per-instance state. */
  default void open(FunctionContext context) throws Exception {}

  /**
   * Joins {@code input} with the function's rows for it. Emitted rows carry the input's kind and
   * are reused: {@code out} must use each before the next arrives.
   */
  void apply(Row input, Collector<Row> out) throws Exception;

  /** Closes the table function. */
  default void close() throws Exception {}
}
