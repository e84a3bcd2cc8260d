package io.strom.runtime.checkpoint;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A checkpoint every task acknowledged, whose metadata file is written: what a job restores from.
 *
 * @param jobId the job that took it
 * @param checkpointId its id
 * @param timestamp when it was triggered, epoch milliseconds
 * @param directory its directory, {@code <dir>/<jobId>/chk-<id>}
 * @param maxParallelism the number of key groups the job's keyed state is split into
 * @param operators the state of each operator that has any, by operator key
 */
public record CompletedCheckpoint(
    String jobId,
    long checkpointId,
    long timestamp,
    Path directory,
    int maxParallelism,
    Map<String, OperatorState> operators) {
  public CompletedCheckpoint {
    requireNonNull(jobId, "jobId");
    requireNonNull(directory, "directory");
    operators = new TreeMap<>(operators);
  }

  /** Its directory's name ({@code chk-<id>}, or a savepoint's), as messages name it. */
  public String name() {
    Path name = directory.getFileName();
    return name == null ? CheckpointStorage.directoryName(checkpointId) : name.toString();
  }

  /** Whether some keyed state is in a backend's own files (an incremental checkpoint). */
  public boolean hasNativeState() {
    for (OperatorState op : operators.values()) {
      for (OperatorSubtaskState s : op.subtasks().values()) {
        if (s.keyed() != null && s.keyed().nativeState() != null) {
          return true;
        }
      }
    }
    return false;
  }

  public long sizeInBytes() {
    long size = 0;
    for (OperatorState op : operators.values()) {
      for (OperatorSubtaskState s : op.subtasks().values()) {
        size += s.sizeInBytes();
      }
    }
    return size;
  }
}
