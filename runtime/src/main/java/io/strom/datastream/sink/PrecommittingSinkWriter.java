package io.strom.datastream.sink;

import java.util.List;

/**
 * A sink writer that takes part in checkpoints: when a checkpoint's barrier reaches it, it makes
 * what it wrote so far durable but not yet visible (flushes, prepares a transaction) and hands
 * over the committables that make it visible. Its sink commits them once the checkpoint completes.
 *
 * <p>Used only on the task's thread.
 *
 * @param <C> what is committed, e.g. a transaction's identity
 */
public interface PrecommittingSinkWriter<T, C> extends SinkWriter<T> {

  /**
   * The barrier of checkpoint {@code checkpointId} arrived: everything written before it must be
   * covered by the returned committables (none for a writer that only flushes, e.g. at-least-once),
   * and later writes must not be.
   */
  List<C> prepareCommit(long checkpointId) throws Exception;
}
