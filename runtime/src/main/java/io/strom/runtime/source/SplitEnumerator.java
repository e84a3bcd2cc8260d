package io.strom.runtime.source;

import java.util.List;

/**
 * Discovers a source's splits and assigns them to readers. Runs in the job manager role; its
 * methods are called from one thread at a time.
 */
public interface SplitEnumerator<S extends SourceSplit> extends AutoCloseable {

  /** Called once before readers register. */
  void start() throws Exception;

  /** Reader {@code subtask} is running and can receive splits. */
  void addReader(int subtask) throws Exception;

  /**
   * The splits this enumerator has not assigned yet, for a checkpoint; a restore hands them to
   * {@link Source#restoreEnumerator}. Splits it already assigned are in the readers' checkpoints.
   *
   * @throws UnsupportedOperationException by enumerators that cannot take part in checkpoints
   */
  default List<S> snapshotState(long checkpointId) throws Exception {
    throw new UnsupportedOperationException(
        "Split enumerator " + getClass().getName() + " cannot take part in checkpoints");
  }

  @Override
  default void close() throws Exception {}
}
