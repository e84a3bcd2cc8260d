package io.strom.runtime.checkpoint;

/**
 * The marker that flows with the records and cuts a stream into what a checkpoint includes (before
 * it) and what it does not (after it).
 *
 * @param checkpointId the checkpoint, increasing over the job's life, restarts included
 * @param timestamp when the checkpoint coordinator triggered it, in epoch milliseconds
 * @param savepoint whether it is a savepoint: state is then written in the portable format every
 *     backend reads, never incrementally
 * @param drain whether sources end event time before this savepoint (stop with drain): they emit
 *     the end-of-time watermark ahead of the barrier, so every window and timer fires into the
 *     savepoint, and read nothing after it. Only sources act on it; it does not cross exchanges.
 */
public record CheckpointBarrier(long checkpointId, long timestamp, boolean savepoint, boolean drain) {
  public CheckpointBarrier {
    if (checkpointId <= 0) {
      throw new IllegalArgumentException("Checkpoint ids start at 1, got " + checkpointId);
    }
  }

  /** The barrier of a checkpoint. */
  public CheckpointBarrier(long checkpointId, long timestamp) {
    this(checkpointId, timestamp, false, false);
  }

  /** The barrier of a checkpoint or savepoint that does not drain. */
  public CheckpointBarrier(long checkpointId, long timestamp, boolean savepoint) {
    this(checkpointId, timestamp, savepoint, false);
  }
}
