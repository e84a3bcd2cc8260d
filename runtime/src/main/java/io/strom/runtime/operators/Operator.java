package io.strom.runtime.operators;

import java.io.Serializable;

/**
 * A step of a streaming pipeline. The job description holds one instance; every parallel subtask
 * gets its own copy (operators are serialized), so per-subtask resources belong in fields marked
 * {@code transient} and created in {@link #open}.
 *
 * <p>Lifecycle, all on the task's thread: {@link #initializeState} once, then {@link #open} once;
 * then records, watermarks, timers and checkpoints ({@link #snapshotState}, later {@link
 * #notifyCheckpointComplete}) in any order; {@link #finish} once when all input has ended (flush
 * what is buffered — not called on failure or cancellation); {@link #close} always last, to
 * release resources.
 *
 * <p>Keyed state and timers are checkpointed and restored by the runtime; only state an operator
 * keeps in its own fields needs the checkpoint hooks.
 */
public interface Operator<OUT> extends Serializable {

  /**
   * Called before {@link #open}, on every start: restores what {@link #snapshotState} wrote when
   * {@link RestoreContext#isRestored()} is true.
   */
  default void initializeState(RestoreContext context) throws Exception {}

  void open(OperatorContext<OUT> context) throws Exception;

  /**
   * A checkpoint barrier is about to be sent downstream: emit what must reach the next operators
   * ahead of it (a mini-batch's buffered results), so that the snapshot and what downstream
   * received before the barrier agree. Called in chain order, before {@link #snapshotState}.
   */
  default void prepareSnapshotPreBarrier(long checkpointId) throws Exception {}

  /**
   * A checkpoint is taken now, between two elements: write the operator's own state. Called in
   * chain order, before the barrier reaches the next operator. Keep it short — the task processes
   * nothing meanwhile; serialize what may change afterwards.
   */
  default void snapshotState(SnapshotContext context) throws Exception {}

  /**
   * The checkpoint with this id completed on every task: side effects that must happen once (a
   * transaction commit) may happen now. Not called for every checkpoint when some are subsumed.
   */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  /** All input has ended: emit whatever is still held. Not called on failure or cancel. */
  default void finish() throws Exception {}

  /**
   * Whether, after {@link #finish}, the operator still holds side effects that it commits only
   * when a checkpoint taken after the end of its input completes (a sink's last transaction). The
   * task then stays to take part in checkpoints until this turns false: committed at once, a
   * failure of another task could still restore an earlier checkpoint and replay what it wrote.
   */
  default boolean awaitsFinalCheckpoint() {
    return false;
  }

  /** Releases resources; called after finish, failure or cancellation. */
  default void close() throws Exception {}
}
