package io.strom.runtime.checkpoint;

/**
 * Why a task that is ending (its input over, failing, or canceled) gives up a checkpoint it took
 * part in. The checkpoint is aborted at once but, as in Flink, does not count towards {@code
 * execution.checkpointing.tolerable-failed-checkpoints}: the task's end, not the checkpoint, is
 * what went wrong, and a failing task fails the job on its own cause.
 */
public final class DeclinedByEndingTask extends Exception {
  private static final long serialVersionUID = 1L;

  public DeclinedByEndingTask(String message, Throwable cause) {
    super(message, cause);
  }
}
