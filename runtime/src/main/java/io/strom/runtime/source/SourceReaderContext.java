package io.strom.runtime.source;

import io.strom.configuration.Configuration;

/** What a reader knows about where it runs. */
public interface SourceReaderContext {
  int subtaskIndex();

  int parallelism();

  Configuration configuration();

  /**
   * Wakes the reader's task when data became available after {@link SourceReader#pollNext}
   * returned {@link InputStatus#NOTHING_AVAILABLE}. Safe to call from any thread.
   */
  void signalDataAvailable();
}
