package io.strom.runtime.generated;

import io.strom.data.BinaryRow;
import io.strom.data.Row;

/**
 * Generated extraction of some fields of a row into a compact binary row, e.g. a grouping or join
 * key.
 *
 * <p>Instances are not thread-safe; called only on the task's mailbox thread.
 */
public interface Projection {

  /**
   * The projected fields of {@code input}, as a binary row of kind INSERT that views a buffer
   * reused by the next call; {@link BinaryRow#copy()} it to keep it.
   */
  BinaryRow apply(Row input);
}
