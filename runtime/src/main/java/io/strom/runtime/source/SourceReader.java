package io.strom.runtime.source;

import java.util.List;

/**
 * Reads the splits assigned to one parallel subtask of a source. Called only on the task's thread;
 * a reader that reads in the background calls {@link SourceReaderContext#signalDataAvailable()}.
 */
public interface SourceReader<T, S extends SourceSplit> extends AutoCloseable {

  default void start() throws Exception {}

  /**
   * Emits some records (a handful or a batch; never blocking for long) and says what comes next.
   * Returns {@link InputStatus#END_OF_INPUT} only after {@link #notifyNoMoreSplits()} and when all
   * splits are done.
   */
  InputStatus pollNext(ReaderOutput<T> output) throws Exception;

  void addSplits(List<S> splits);

  void notifyNoMoreSplits();

  /**
   * The splits this reader holds now — the one being read with its current position, and those not
   * started — so that a restore reads exactly what follows. Called at a checkpoint, on the task's
   * thread, between two {@link #pollNext} calls; the returned splits must not change afterwards.
   *
   * @throws UnsupportedOperationException by readers that cannot take part in checkpoints
   */
  default List<S> snapshotState(long checkpointId) throws Exception {
    throw new UnsupportedOperationException(
        "Source reader " + getClass().getName() + " cannot take part in checkpoints: it does not"
            + " implement SourceReader.snapshotState. Disable checkpointing or use another source.");
  }

  /** The checkpoint completed on every task; a reader may commit what it read up to it. */
  default void notifyCheckpointComplete(long checkpointId) throws Exception {}

  @Override
  default void close() throws Exception {}
}
