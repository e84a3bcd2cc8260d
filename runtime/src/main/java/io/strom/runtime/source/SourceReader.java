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

  @Override
  default void close() throws Exception {}
}
