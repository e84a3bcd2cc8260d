package io.strom.runtime.checkpoint;

import java.nio.file.Path;
import java.util.Map;

/**
 * What one subtask restores when its job starts from a checkpoint: per operator of its chain (by
 * operator key), the state assigned to it.
 *
 * @param jobId the job that took the checkpoint, null for a fresh start
 * @param checkpointId the checkpoint, or -1 for a fresh start
 * @param checkpointDirectory the checkpoint's directory, null for a fresh start
 * @param operators what each operator restores, by operator key
 */
public record TaskRestore(
    String jobId,
    long checkpointId,
    Path checkpointDirectory,
    Map<String, OperatorRestore> operators) {
  /** A start without a checkpoint. */
  public static final TaskRestore NONE = new TaskRestore(null, -1, null, Map.of());

  public TaskRestore {
    operators = Map.copyOf(operators);
  }

  public boolean isRestored() {
    return checkpointId > 0;
  }

  public OperatorRestore operator(String operatorKey) {
    return operators.getOrDefault(operatorKey, OperatorRestore.EMPTY);
  }
}
