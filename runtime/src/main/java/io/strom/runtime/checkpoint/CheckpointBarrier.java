package io.strom.runtime.checkpoint;

/**
 * The marker that flows with the records and cuts a stream into what a checkpoint includes (before
 * it) and what it does not (after it).
 *
 * @param checkpointId the checkpoint, increasing over the job's life, restarts included
 * @param timestamp when the checkpoint coordinator triggered it, in epoch milliseconds
 * @param savepoint whether it is a savepoint: state is then written in the portable format every
 *     backend reads, never incrementally
 */
public record CheckpointBarrier(long checkpointId, long timestamp, boolean savepoint) {
  public CheckpointBarrier {
    if (checkpointId <= 0) {
      throw new IllegalArgumentException("Checkpoint ids start at 1, got " + checkpointId);
    }
  }

  /** The barrier of a checkpoint. */
  public CheckpointBarrier(long checkpointId, long timestamp) {
    this(checkpointId, timestamp, false);
  }
}
