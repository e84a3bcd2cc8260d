package io.strom.runtime.operators;

import java.io.Serializable;

/**
 * A step of a streaming pipeline. The job description holds one instance; every parallel subtask
 * gets its own copy (operators are serialized), so per-subtask resources belong in fields marked
 * {@code transient} and created in {@link #open}.
 *
 * <p>Lifecycle, all on the task's thread: {@link #open} once; then records, watermarks and timers
 * in any order; {@link #finish} once when all input has ended (flush what is buffered — not called
 * on failure or cancellation); {@link #close} always last, to release resources.
 */
public interface Operator<OUT> extends Serializable {

  void open(OperatorContext<OUT> context) throws Exception;

  /** All input has ended: emit whatever is still held. Not called on failure or cancel. */
  default void finish() throws Exception {}

  /** Releases resources; called after finish, failure or cancellation. */
  default void close() throws Exception {}
}
