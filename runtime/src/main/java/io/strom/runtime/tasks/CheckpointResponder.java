package io.strom.runtime.tasks;

import io.strom.runtime.checkpoint.SubtaskState;

/**
 * Where a task reports its part of a checkpoint: the job's checkpoint coordinator. Called from the
 * task's snapshot thread once the task's state is written.
 */
public interface CheckpointResponder {

  /** The subtask's state for the checkpoint is durable. */
  void acknowledgeCheckpoint(long checkpointId, SubtaskState state);

  /** The subtask could not write its state; the checkpoint cannot complete. */
  void declineCheckpoint(long checkpointId, int vertexId, int subtask, Throwable reason);
}
