package io.strom.datastream.sink;

import java.util.List;

/**
 * Helper base of sink writers for transactional sinks (two-phase commit): elements go into an open
 * transaction, begun with the first element after a checkpoint; at a checkpoint's barrier the
 * transaction is pre-committed (durable, not yet visible) and its committable handed to the {@link
 * TwoPhaseCommittingSink}, which commits it once the checkpoint completes. A transaction still open
 * when the writer closes without finishing (failure, cancel) is aborted.
 *
 * <p>Used only on the task's thread.
 *
 * @param <T> the elements written
 * @param <X> an open transaction
 * @param <C> what commits a pre-committed transaction; must survive in a checkpoint
 */
public abstract class TransactionalSinkWriter<T, X, C> implements PrecommittingSinkWriter<T, C> {
  private X current;

  /** Opens a new transaction for the elements that follow. */
  protected abstract X beginTransaction() throws Exception;

  /** Writes one element into the open transaction. */
  protected abstract void writeInto(X transaction, T element, long timestamp) throws Exception;

  /** Makes the transaction's writes durable but not visible; returns what makes them visible. */
  protected abstract C preCommit(X transaction) throws Exception;

  /** Drops the writes of a transaction that will never be committed. */
  protected abstract void abort(X transaction) throws Exception;

  @Override
  public final void write(T element, long timestamp) throws Exception {
    if (current == null) {
      current = beginTransaction();
    }
    writeInto(current, element, timestamp);
  }

  @Override
  public final List<C> prepareCommit(long checkpointId) throws Exception {
    if (current == null) {
      return List.of();
    }
    X transaction = current;
    current = null;
    return List.of(preCommit(transaction));
  }

  /** Aborts the open transaction, if any. Subclasses that override it call it. */
  @Override
  public void close() throws Exception {
    if (current != null) {
      X transaction = current;
      current = null;
      abort(transaction);
    }
  }
}
