package io.strom.runtime.tasks;

/** Hears how a task ended (called on the task's thread, once), and when its input ended. */
public interface TaskListener {

  void taskFinished(int vertexId, int subtask);

  /**
   * The task's input ended and its operators finished, but it stays to take part in a checkpoint
   * that commits what they hold (see {@code Operator#awaitsFinalCheckpoint}): as no barrier may
   * reach it through its ended inputs, it must be triggered directly. Called on the task's thread,
   * at most once, before the task ends.
   */
  void taskAwaitsFinalCheckpoint(int vertexId, int subtask);

  /**
   * @param operatorName the operator that threw, or null when the failure was not an operator's
   * @param cause the original exception
   */
  void taskFailed(int vertexId, int subtask, String operatorName, Throwable cause);

  void taskCanceled(int vertexId, int subtask);
}
