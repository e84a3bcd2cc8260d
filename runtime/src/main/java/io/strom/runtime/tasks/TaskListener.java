package io.strom.runtime.tasks;

/** Hears how a task ended. Called on the task's thread, once. */
public interface TaskListener {

  void taskFinished(int vertexId, int subtask);

  /**
   * @param operatorName the operator that threw, or null when the failure was not an operator's
   * @param cause the original exception
   */
  void taskFailed(int vertexId, int subtask, String operatorName, Throwable cause);

  void taskCanceled(int vertexId, int subtask);
}
