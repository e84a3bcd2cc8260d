package io.strom.runtime.generated;

import io.strom.data.Row;

/**
 * Generated ordering of rows by the sort keys of a query (Top-N's {@code ORDER BY}): each key
 * compared with its type's order, direction and place of NULLs, without boxing.
 *
 * <p>Instances are not thread-safe; called only on the task's mailbox thread.
 */
public interface RecordComparator {

  /** Negative when {@code left} sorts before {@code right}, zero when they tie, else positive. */
  int compare(Row left, Row right);
}
